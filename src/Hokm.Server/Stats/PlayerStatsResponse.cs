using Hokm.Data.Persistence.Games;
using Hokm.Data.Stats;

namespace Hokm.Server.Stats;

/// <summary><c>GET /api/players/{id}/stats</c>: all-time totals and rating, and the report over the range.</summary>
/// <param name="PlayerId">The player.</param>
/// <param name="Totals">All-time totals (null before the first finished game).</param>
/// <param name="Report">The performance report over <c>[from, to)</c>.</param>
internal sealed record PlayerStatsResponse(string PlayerId, PlayerStatistics? Totals, PlayerPerformanceReport Report);
