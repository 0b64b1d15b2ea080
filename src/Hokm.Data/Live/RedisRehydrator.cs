using Hokm.Data.Logging;
using Hokm.Data.Persistence.Rooms;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hokm.Data.Live;

/// <summary>
/// When Redis is back, rebuilds the live state of rooms that were committed to PostgreSQL while it
/// was down (this node's, and any node's flagged rows), so Redis is again the live copy.
/// </summary>
internal sealed class RedisRehydrator(
    HybridRoomCommitter committer,
    IPersistentRoomStore persistent,
    TimeProvider time,
    ILogger<RedisRehydrator> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>One sweep; returns the number of rooms brought up to date.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var rooms = new HashSet<string>(committer.RoomsBehind, StringComparer.Ordinal);
        foreach (var state in await persistent.ListNeedingRehydrationAsync(200, cancellationToken))
        {
            rooms.Add(state.Room);
        }

        var done = 0;
        foreach (var room in rooms)
        {
            // Through the Redis pipeline: refused at once while the breaker is open, a trial call after.
            await committer.RehydrateAsync(room, cancellationToken);
            done++;
        }

        return done;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A store is still down; the next sweep tries again.
                DataLog.RehydrationDeferred(logger, ex.Message);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
