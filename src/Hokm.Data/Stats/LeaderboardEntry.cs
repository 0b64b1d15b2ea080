namespace Hokm.Data.Stats;

/// <summary>One row of a leaderboard.</summary>
/// <param name="Rank">1-based rank.</param>
/// <param name="PlayerId">The player.</param>
/// <param name="Score">The rating (global) or the wins in the period (weekly, monthly).</param>
public sealed record LeaderboardEntry(long Rank, string PlayerId, double Score);
