using Hokm.Data.Stats;

namespace Hokm.Server.Stats;

/// <summary><c>GET /api/leaderboards/{type}</c>: the top rows and, with <c>around</c>, the player's rank and neighbours.</summary>
/// <param name="Board">The top rows.</param>
/// <param name="Around">The player's place, when asked.</param>
internal sealed record LeaderboardResponse(Leaderboard Board, PlayerRank? Around);
