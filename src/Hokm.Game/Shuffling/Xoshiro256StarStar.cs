using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Hokm.Game.Shuffling;

/// <summary>
/// The xoshiro256** generator of the shuffle spec (docs/shuffle.md), seeded from a SHA-256 key.
/// Deterministic by design: the same text always gives the same stream, which is what lets a seed
/// reproduce a game (and a simulated bot's choices).
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the generator with a 32-byte key read as four little-endian words.</summary>
    public Xoshiro256StarStar(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The key must be 32 bytes.", nameof(key));
        }

        _s0 = BinaryPrimitives.ReadUInt64LittleEndian(key);
        _s1 = BinaryPrimitives.ReadUInt64LittleEndian(key[8..]);
        _s2 = BinaryPrimitives.ReadUInt64LittleEndian(key[16..]);
        _s3 = BinaryPrimitives.ReadUInt64LittleEndian(key[24..]);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            throw new ArgumentException("An all-zero key cannot seed xoshiro256**.", nameof(key));
        }
    }

    /// <summary>Seeds the generator with <c>SHA-256(UTF-8(text))</c>.</summary>
    public static Xoshiro256StarStar FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> key = stackalloc byte[32];
        HashText(text, key);
        return new Xoshiro256StarStar(key);
    }

    /// <summary>The next 64-bit output.</summary>
    public ulong NextUInt64()
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

    /// <summary>
    /// A value in <c>[0, k)</c>: the high word of <c>next() * k</c>, with no rejection step, exactly as the
    /// spec says (the bias is below 2^-58 for k ≤ 52 and keeping it makes every implementation agree).
    /// </summary>
    public int Below(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return (int)Math.BigMul(NextUInt64(), (ulong)k, out _);
    }

    internal static void HashText(string text, Span<byte> destination)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount <= 256)
        {
            Span<byte> utf8 = stackalloc byte[byteCount];
            Encoding.UTF8.GetBytes(text, utf8);
            SHA256.HashData(utf8, destination);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(text), destination);
        }
    }
}
