using Hokm.Data.Configuration;
using Hokm.Data.Redis;
using Hokm.Server.Hosting;
using Hokm.Server.Rooms;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hokm.Server.Cluster;

/// <summary>
/// Several nodes: finds rooms nobody owns any more — their owner died and no player of theirs is
/// connected to another node to notice — and takes them over, so that their timers (bots, turn
/// timeouts, the game's completion) run again. It looks at the rooms committed to recently (the
/// data layer's activity index) whose lease key is gone. Off when cluster mode is off.
/// </summary>
internal sealed class OrphanRoomSweeper(
    RoomManager rooms,
    IRedisConnection redis,
    IOptions<HybridDataOptions> data,
    IOptions<GameServerOptions> options,
    TimeProvider time,
    ILogger<OrphanRoomSweeper> logger) : BackgroundService
{
    private const int RoomsPerPass = 500;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // The data layer's activity index (docs/data-layer.md "Key layout"): room code → last commit (ms).
    private readonly RedisKey _activeRooms = data.Value.KeyPrefix + "rooms:active";
    private readonly string _prefix = data.Value.KeyPrefix;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cluster = options.Value.Cluster;
        if (!cluster.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(cluster.OrphanSweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Never fatal: the next pass tries again (a failing sweep must not stop the server).
                ClusterLog.SweepFailed(logger, ex.Message);
            }
        }
    }

    /// <summary>One pass; returns the rooms taken over.</summary>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var db = await redis.GetDatabaseAsync(cancellationToken);
        var since = (time.GetUtcNow() - Window).ToUnixTimeMilliseconds();
        var codes = await db.SortedSetRangeByScoreAsync(_activeRooms, since, double.PositiveInfinity, take: RoomsPerPass);
        var adopted = 0;
        foreach (var value in codes)
        {
            if (cancellationToken.IsCancellationRequested || rooms.Stopping)
            {
                break;
            }

            var code = value.ToString();
            if (rooms.Holds(code) || await db.KeyExistsAsync($"{_prefix}{{{code}}}:owner"))
            {
                continue;
            }

            if (await rooms.AdoptAsync(code))
            {
                adopted++;
            }
        }

        return adopted;
    }
}
