using System.Numerics;

namespace Hokm.Audit;

/// <summary>
/// xoshiro256** exactly as docs/shuffle.md states it, so that a seed re-deals the same decks as
/// the server. Written here rather than shared with the engine: the audit must not trust the
/// code it checks.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            // An all-zero state only ever returns zero; the spec allows treating it as an error.
            throw new ArgumentException("The xoshiro256** state must not be all zero.");
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    public ulong Next()
    {
        unchecked
        {
            var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>The high 64 bits of next() * k: a value in [0, k) with no rejection step, as specified.</summary>
    public int Below(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return (int)Math.BigMul(Next(), (ulong)k, out _);
    }
}
