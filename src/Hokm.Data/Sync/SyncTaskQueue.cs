using Hokm.Data.Errors;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Rooms;
using Hokm.Data.Persistence.Sink;
using Hokm.Data.Resilience;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Hokm.Data.Sync;

/// <summary>
/// Queues events that belong to no room (the guide's <c>queue_sync_task</c>) on the priority
/// streams. Only events the persistent store can write are accepted, so bad input is refused now
/// rather than dead-lettered later. While Redis is down they are written to PostgreSQL directly.
/// </summary>
internal sealed class SyncTaskQueue(RedisLiveStore redis, IPersistentRoomStore persistent, StoreResilienceRegistry resilience)
{
    public async Task EnqueueAsync(IReadOnlyList<OutboxEvent> tasks, SyncPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
        {
            return;
        }

        var (_, failures) = OutboxEntryParser.Parse(tasks.Select((t, i) => new OutboxEntry(SyncStreams.For(priority), i + 1, t.Type, DateTimeOffset.UnixEpoch, t.Payload)).ToList());
        if (failures.Count > 0)
        {
            throw new ArgumentException($"Sync task {failures[0].Entry.Type} cannot be stored: {failures[0].Error}", nameof(tasks));
        }

        try
        {
            await resilience.Redis.Pipeline.ExecuteAsync(async ct => await redis.AppendAsync(SyncStreams.For(priority), tasks, ct), cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is StoreUnavailableException or BrokenCircuitException or TimeoutRejectedException)
        {
            // Redis is down: write them where they were going anyway.
        }

        try
        {
            await resilience.Postgres.Pipeline.ExecuteAsync(async ct => await persistent.CommitManyAsync([], tasks, needsRehydration: false, ct), cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ArgumentException or HybridDataException))
        {
            throw new StoreUnavailableException("redis+postgresql", $"Sync tasks could not be queued or stored: Redis and PostgreSQL are both unavailable ({ex.Message}). Nothing was written.", ex);
        }
    }
}
