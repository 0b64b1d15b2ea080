namespace Hokm.Data.Stats;

/// <summary>Leaderboards (Redis sorted sets rebuilt from PostgreSQL), reports (PostgreSQL) and live counts (Redis).</summary>
public interface IHokmStats
{
    /// <summary>
    /// The top <paramref name="limit"/> rows of a board for the current period (by <see cref="TimeProvider"/>),
    /// from the Redis cache; rebuilt from PostgreSQL when missing, expired or in a new period.
    /// </summary>
    /// <param name="type">Which board.</param>
    /// <param name="limit">Rows, 1 to <see cref="StatsOptions.MaxLimit"/>.</param>
    /// <param name="cacheTtl">TTL of a rebuilt board; <see cref="StatsOptions.CacheTtl"/> when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit or TTL out of range.</exception>
    Task<Leaderboard> GetLeaderboardAsync(LeaderboardType type, int limit = 50, TimeSpan? cacheTtl = null, CancellationToken cancellationToken = default);

    /// <summary>A player's rank on a board and the <paramref name="radius"/> rows above and below.</summary>
    Task<PlayerRank> GetPlayerRankAsync(LeaderboardType type, string playerId, int radius = 5, TimeSpan? cacheTtl = null, CancellationToken cancellationToken = default);

    /// <summary>Drops the cached boards of the current periods; the next read rebuilds them.</summary>
    Task InvalidateLeaderboardsAsync(CancellationToken cancellationToken = default);

    /// <summary>A player's performance over the finished games that ended in <c>[from, to)</c>.</summary>
    /// <exception cref="ArgumentException">An empty id, or <paramref name="to"/> not after <paramref name="from"/>.</exception>
    Task<PlayerPerformanceReport> GeneratePlayerPerformanceReportAsync(string playerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Hakem success, Kots, trump suits, hands per game and durations over the selected games.</summary>
    Task<GamePatterns> AnalyzeGamePatternsAsync(GamePatternFilters filters, CancellationToken cancellationToken = default);

    /// <summary>Active games and concurrent players, from the live tier.</summary>
    Task<LiveStats> GetLiveStatsAsync(TimeSpan? window = null, CancellationToken cancellationToken = default);
}
