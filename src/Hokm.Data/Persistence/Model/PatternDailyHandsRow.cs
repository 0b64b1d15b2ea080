namespace Hokm.Data.Persistence.Model;

/// <summary>
/// A row of <c>pattern_daily_hands</c>: the hands of the finished games that started on one UTC day,
/// with or without a bot seat, played with one trump suit. Added to by each game completion (in its
/// transaction) so that game-pattern reports need not scan <c>hands</c>; see docs/data-layer.md, "Statistics".
/// </summary>
public sealed class PatternDailyHandsRow
{
    /// <summary>The UTC day the games started on.</summary>
    public DateOnly Day { get; set; }

    /// <summary>True for games with at least one bot seat.</summary>
    public bool HasBots { get; set; }

    /// <summary>The trump suit (protocol letter).</summary>
    public required string Trump { get; set; }

    /// <summary>Hands played.</summary>
    public int Hands { get; set; }

    /// <summary>Of those, hands the Hakem's team won.</summary>
    public int HakemWins { get; set; }

    /// <summary>Of those, hands won 7–0 (<c>kot</c> or <c>hakem_kot</c>).</summary>
    public int Kots { get; set; }

    /// <summary>Of those, Kots against the Hakem's team (<c>hakem_kot</c>).</summary>
    public int HakemKots { get; set; }
}
