namespace Hokm.Data.Stats;

/// <summary>
/// The sums a <see cref="GamePatterns"/> is computed from. The scan of <c>games</c>/<c>hands</c> and the
/// rollup both fill one, and partial ranges add up (whole days from the rollup, edge days scanned), so
/// every path computes the report with the same arithmetic on the same integers.
/// </summary>
internal sealed class PatternTotals
{
    private readonly SortedDictionary<string, (int Hands, int HakemWins)> _suits = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, int> _handsPerGame = [];
    private readonly int[] _durations = new int[PatternRollup.DurationBounds.Length];
    private int _games;
    private int _kots;
    private int _hakemKots;
    private int _finished;
    private long _durationTicks;

    /// <summary>Adds <paramref name="hands"/> hands of one trump suit.</summary>
    public void AddHands(string trump, int hands, int hakemWins, int kots, int hakemKots)
    {
        var (h, w) = _suits.GetValueOrDefault(trump);
        _suits[trump] = (checked(h + hands), checked(w + hakemWins));
        _kots = checked(_kots + kots);
        _hakemKots = checked(_hakemKots + hakemKots);
    }

    /// <summary>Adds <paramref name="games"/> games of <paramref name="handCount"/> hands each (not finished: no length).</summary>
    public void AddGames(int handCount, int games)
    {
        _games = checked(_games + games);
        _handsPerGame[handCount] = checked(_handsPerGame.GetValueOrDefault(handCount) + games);
    }

    /// <summary>Adds <paramref name="games"/> finished games of <paramref name="handCount"/> hands, in length bucket <paramref name="bucket"/>, lasting <paramref name="durationTicks"/> together.</summary>
    public void AddFinishedGames(int handCount, int bucket, int games, long durationTicks)
    {
        AddGames(handCount, games);
        _durations[bucket] = checked(_durations[bucket] + games);
        _finished = checked(_finished + games);
        _durationTicks = checked(_durationTicks + durationTicks);
    }

    /// <summary>The report.</summary>
    public GamePatterns ToPatterns()
    {
        static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
        var hands = _suits.Values.Sum(static s => s.Hands);
        var hakemWon = _suits.Values.Sum(static s => s.HakemWins);
        var suits = _suits.Select(s => new TrumpSuitPattern(s.Key, s.Value.Hands, Rate(s.Value.Hands, hands), s.Value.HakemWins, Rate(s.Value.HakemWins, s.Value.Hands))).ToList();
        var handsPerGame = _handsPerGame.Select(static p => new HandsPerGameCount(p.Key, p.Value)).ToList();
        var bounds = PatternRollup.DurationBounds;
        var buckets = bounds.Select((lower, i) => new DurationBucket(lower, i + 1 < bounds.Length ? bounds[i + 1] : null, _durations[i])).ToList();
        return new GamePatterns(
            _games, hands, Rate(hakemWon, hands), _kots, _hakemKots, Rate(_kots, hands), suits,
            _games == 0 ? 0 : (double)hands / _games, handsPerGame,
            _finished == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)((double)_durationTicks / _finished)), buckets);
    }
}
