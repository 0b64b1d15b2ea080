using Hokm.Data.Stats;

namespace Hokm.Server.Stats;

/// <summary><c>GET /api/leaderboards/{type}</c>: the top rows and, with <c>around</c>, the player's rank and neighbours.</summary>
/// <param name="Board">The top rows.</param>
/// <param name="Around">The player's place, when asked.</param>
/// <param name="Names">With <c>names=true</c>: player id → display name for every row of <paramref name="Board"/> and <paramref name="Around"/>; otherwise null.</param>
internal sealed record LeaderboardResponse(Leaderboard Board, PlayerRank? Around, IReadOnlyDictionary<string, string>? Names = null);
