namespace Hokm.Data.Persistence.Model;

/// <summary>
/// A row of <c>pattern_daily_games</c>: the finished games that started on one UTC day, with or
/// without a bot seat, that had <see cref="HandCount"/> hands and lasted within one duration bucket.
/// Added to by each game completion (in its transaction); see docs/data-layer.md, "Statistics".
/// </summary>
public sealed class PatternDailyGamesRow
{
    /// <summary>The UTC day the games started on.</summary>
    public DateOnly Day { get; set; }

    /// <summary>True for games with at least one bot seat.</summary>
    public bool HasBots { get; set; }

    /// <summary>Hands in each of these games.</summary>
    public int HandCount { get; set; }

    /// <summary>The index of the games' length bucket (0–10–20–30–45–60–∞ minutes → 0 … 5).</summary>
    public int DurationBucket { get; set; }

    /// <summary>Games.</summary>
    public int Games { get; set; }

    /// <summary>Their lengths (end − start) added up, in ticks of 100 ns.</summary>
    public long DurationTicks { get; set; }
}
