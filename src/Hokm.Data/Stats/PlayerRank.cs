namespace Hokm.Data.Stats;

/// <summary>A player's place on a board and the players around them.</summary>
/// <param name="Type">Which board.</param>
/// <param name="Period">The period id.</param>
/// <param name="Player">The player's own row; null when they are not on the board (no rating yet, or no win in the period).</param>
/// <param name="Neighbours">The rows from <c>radius</c> above to <c>radius</c> below the player, the player included, best first.</param>
public sealed record PlayerRank(LeaderboardType Type, string Period, LeaderboardEntry? Player, IReadOnlyList<LeaderboardEntry> Neighbours);
