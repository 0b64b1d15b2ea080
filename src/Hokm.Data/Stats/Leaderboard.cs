namespace Hokm.Data.Stats;

/// <summary>A page of a leaderboard.</summary>
/// <param name="Type">Which board.</param>
/// <param name="Period">The period's id: <c>all</c>, an ISO week such as <c>2026-W48</c>, or a month such as <c>2026-11</c>.</param>
/// <param name="PeriodStart">Start of the period (inclusive, UTC); null for the global board.</param>
/// <param name="PeriodEnd">End of the period (exclusive, UTC); null for the global board.</param>
/// <param name="Entries">The rows, best first (ties: by player id, descending — the sorted set's own order).</param>
/// <param name="Rebuilt">True when this read rebuilt the board from PostgreSQL (a miss, a new period, or an expired cache).</param>
public sealed record Leaderboard(
    LeaderboardType Type,
    string Period,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    IReadOnlyList<LeaderboardEntry> Entries,
    bool Rebuilt);
