using Hokm.Data.Live;
using Hokm.Data.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hokm.Data.Sync;

/// <summary>
/// The write-behind worker: drains room outboxes to PostgreSQL on a short cadence, sweeps the
/// keyspace now and then for outboxes whose index hint was lost, and flushes what it can on
/// graceful shutdown (stop taking moves first — the host's job — then drain, then exit).
/// </summary>
internal sealed class OutboxSyncWorker(
    OutboxDrainer drainer,
    IOutboxConsumer outbox,
    SyncStatus status,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<OutboxSyncWorker> logger) : BackgroundService
{
    private readonly SyncOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        status.Running = true;
        var lastSweep = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            var written = 0;
            var passStarted = time.GetTimestamp();
            try
            {
                written = await drainer.DrainPassAsync(stoppingToken);
                if (time.GetElapsedTime(lastSweep) >= _options.ReindexInterval)
                {
                    lastSweep = time.GetTimestamp();
                    var found = await outbox.ReindexPendingRoomsAsync(stoppingToken);
                    if (found > 0)
                    {
                        DataLog.SyncReindexed(logger, found);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A pass must never end the worker: log, count, and try again next interval.
                DataLog.SyncPassCrashed(logger, ex);
                status.BatchFailed(ex.Message);
            }

            // Idle: wait the interval. Busy: start passes at most every MinPassInterval, so a steady
            // trickle of moves is written in batches instead of a pass per handful of entries.
            var pause = written == 0 ? _options.Interval : _options.MinPassInterval - time.GetElapsedTime(passStarted);
            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            var written = await drainer.FlushAsync(_options.ShutdownFlushTimeout, cancellationToken);
            DataLog.SyncShutdownFlush(logger, written, status.PendingRooms);
        }
        catch (OperationCanceledException)
        {
            DataLog.SyncShutdownFlush(logger, 0, status.PendingRooms);
        }
        finally
        {
            status.Running = false;
        }
    }
}
