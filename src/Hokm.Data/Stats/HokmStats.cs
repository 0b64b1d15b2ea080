using Hokm.Data.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hokm.Data.Stats;

/// <summary>The statistics service; reports are in <c>HokmStats.Reports.cs</c>.</summary>
internal sealed partial class HokmStats(
    LeaderboardCache boards,
    IDbContextFactory<HokmDbContext> contexts,
    IHybridDataLayer data,
    IOptions<StatsOptions> options) : IHokmStats
{
    private readonly StatsOptions _options = options.Value;

    public Task<Leaderboard> GetLeaderboardAsync(LeaderboardType type, int limit = 50, TimeSpan? cacheTtl = null, CancellationToken cancellationToken = default)
    {
        CheckType(type);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, _options.MaxLimit);
        return boards.GetAsync(type, limit, Ttl(cacheTtl), cancellationToken);
    }

    public Task<PlayerRank> GetPlayerRankAsync(LeaderboardType type, string playerId, int radius = 5, TimeSpan? cacheTtl = null, CancellationToken cancellationToken = default)
    {
        CheckType(type);
        ArgumentException.ThrowIfNullOrEmpty(playerId);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radius, 100);
        return boards.GetAroundAsync(type, playerId, radius, Ttl(cacheTtl), cancellationToken);
    }

    public Task InvalidateLeaderboardsAsync(CancellationToken cancellationToken = default) => boards.InvalidateAsync(cancellationToken);

    public async Task<LiveStats> GetLiveStatsAsync(TimeSpan? window = null, CancellationToken cancellationToken = default)
    {
        var games = await data.GetActiveGamesStatsAsync(window, cancellationToken);
        var players = await data.GetConcurrentPlayerCountAsync(cancellationToken);
        return new LiveStats(games.ActiveRooms, games.RoomsWithPendingSync, players, games.Window);
    }

    private static void CheckType(LeaderboardType type)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown leaderboard.");
        }
    }

    private TimeSpan Ttl(TimeSpan? cacheTtl)
    {
        var ttl = cacheTtl ?? _options.CacheTtl;
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1), nameof(cacheTtl));
        return ttl;
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
