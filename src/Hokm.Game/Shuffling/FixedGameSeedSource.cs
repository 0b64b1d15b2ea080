namespace Hokm.Game.Shuffling;

/// <summary>
/// Tests and simulations: hands out the given seeds in order and then, once they run out,
/// <c>last + "-" + n</c> the way the simulator numbers its games, so it never repeats a seed by accident.
/// </summary>
public sealed class FixedGameSeedSource : IGameSeedSource
{
    private readonly string[] _seeds;
    private readonly Lock _gate = new();
    private int _next;

    /// <summary>Hands out <paramref name="seeds"/> in order (at least one).</summary>
    public FixedGameSeedSource(params string[] seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Length == 0 || Array.Exists(seeds, string.IsNullOrEmpty))
        {
            throw new ArgumentException("Give at least one non-empty seed.", nameof(seeds));
        }

        _seeds = (string[])seeds.Clone();
    }

    /// <inheritdoc />
    public string NextSeed()
    {
        lock (_gate)
        {
            var n = _next++;
            return n < _seeds.Length ? _seeds[n] : HokmShuffle.SimulatorSeed(_seeds[^1], n - _seeds.Length);
        }
    }
}
