using System.Collections.Concurrent;
using Hokm.Data.Diagnostics;
using Hokm.Data.Errors;
using Hokm.Data.Logging;
using Hokm.Data.Persistence.Rooms;
using Hokm.Data.Redis;
using Hokm.Data.Resilience;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Hokm.Data.Live;

/// <summary>
/// Routes a room commit to the right store for its write mode and the stores' health
/// (DESIGN.md "Write modes" and "When a store fails"):
/// <list type="bullet">
/// <item>write-behind: Redis (state + outbox in one script); while Redis is down (breaker open or
/// the call fails) PostgreSQL takes the commit — state and events in one transaction — and the room
/// is marked for rehydration; Redis is rebuilt from PostgreSQL before its next Redis commit and by
/// the <see cref="RedisRehydrator"/>;</item>
/// <item>write-through: PostgreSQL first, then Redis; if Redis cannot take it, its copy is
/// invalidated (or, if Redis is unreachable, the row is flagged for rehydration) — never stale.</item>
/// </list>
/// </summary>
internal sealed class HybridRoomCommitter(
    RedisLiveStore redis,
    IPersistentRoomStore persistent,
    StoreResilienceRegistry resilience,
    RoomStateCache cache,
    HybridDataMetrics metrics,
    TimeProvider time,
    ILogger<HybridRoomCommitter> logger)
{
    // Rooms whose newest version this node wrote to PostgreSQL only.
    private readonly ConcurrentDictionary<string, byte> _behind = new(StringComparer.Ordinal);

    public Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, WriteMode mode, CancellationToken cancellationToken) =>
        CommitAsync(room, expectedVersion, document, events, mode, lease: null, cancellationToken);

    /// <summary>
    /// The commit; with a <paramref name="lease"/>, Redis refuses it (<see cref="CommitStatus.Fenced"/>)
    /// once the lease is no longer the room's. While Redis is down the lease cannot be checked: the
    /// PostgreSQL fallback is guarded by the row version alone (docs/scaling.md "Fencing").
    /// </summary>
    public async Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, WriteMode mode, RoomLease? lease, CancellationToken cancellationToken)
    {
        room = RedisKeys.NormalizeRoom(room);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        redis.Validate(document, events);
        return mode switch
        {
            WriteMode.WriteBehind => await WriteBehindAsync(room, expectedVersion, document, events, lease, cancellationToken),
            WriteMode.WriteThrough => await WriteThroughAsync(room, expectedVersion, document, events, cancellationToken),
            _ => throw new ArgumentException("Room state is live state: commit it write-behind or write-through. Use QueueSyncTaskAsync for eventual writes.", nameof(mode)),
        };
    }

    /// <summary>Reads a room: Redis, then PostgreSQL, then this process's last-known copy.</summary>
    public async Task<RoomState?> GetAsync(string room, CancellationToken cancellationToken)
    {
        room = RedisKeys.NormalizeRoom(room);
        if (!_behind.ContainsKey(room))
        {
            try
            {
                var live = await resilience.Redis.Pipeline.ExecuteAsync(async ct => await redis.GetAsync(room, ct), cancellationToken);
                if (live is not null)
                {
                    cache.Remember(live);
                    return live;
                }
            }
            catch (Exception ex) when (IsRedisDown(ex))
            {
                // Fall through to the persistent store.
            }
        }

        try
        {
            var stored = await resilience.Postgres.Pipeline.ExecuteAsync(async ct => await persistent.GetAsync(room, ct), cancellationToken);
            if (stored is not null)
            {
                cache.Remember(stored);
                return stored;
            }
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or HybridDataException { Code: not "unavailable" }))
        {
            DataLog.ReadFellBackToCache(logger, room, ex.Message);
            return cache.Recall(room);
        }

        return null;
    }

    /// <summary>Rebuilds Redis from the persistent store for one room if Redis is behind; true when done (or nothing to do).</summary>
    public async Task<bool> RehydrateAsync(string room, CancellationToken cancellationToken)
    {
        var stored = await persistent.GetAsync(room, cancellationToken);
        if (stored is null)
        {
            _behind.TryRemove(room, out _);
            return true;
        }

        var restored = await resilience.Redis.Pipeline.ExecuteAsync(async ct => await redis.RestoreAsync(stored, ct), cancellationToken);
        await persistent.MarkRehydratedAsync(room, stored.Version, cancellationToken);
        _behind.TryRemove(room, out _);
        if (restored)
        {
            metrics.Rehydrated();
            DataLog.RoomRehydrated(logger, room, stored.Version);
        }

        return true;
    }

    /// <summary>Rooms this node knows Redis is behind on.</summary>
    public IReadOnlyCollection<string> RoomsBehind => _behind.Keys.ToList();

    private async Task<CommitResult> WriteBehindAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, RoomLease? lease, CancellationToken cancellationToken)
    {
        // Always through the pipeline, never gated on the breaker's state: while it is open the
        // pipeline refuses at once, and after the break it lets a trial call through — the only
        // way the breaker learns that Redis is back.
        {
            try
            {
                if (_behind.ContainsKey(room))
                {
                    await RehydrateAsync(room, cancellationToken);
                }

                // The hot path: a static lambda with its state passed in, so no closure is allocated per move.
                var result = await resilience.Redis.Pipeline.ExecuteAsync(
                    static async (s, ct) => await s.Redis.CommitAsync(s.Room, s.ExpectedVersion, s.Document, s.Events, s.Lease, ct),
                    (Redis: redis, Room: room, ExpectedVersion: expectedVersion, Document: document, Events: events, Lease: lease),
                    cancellationToken);
                if (result.Committed)
                {
                    cache.Remember(new RoomState(room, result.Version, document, result.LastSequence, time.GetUtcNow()));
                }

                return result;
            }
            catch (Exception ex) when (IsRedisDown(ex))
            {
                DataLog.CommitFellBackToPostgres(logger, room, ex.Message);
            }
        }

        // Redis is down: PostgreSQL takes the commit, state and events in one transaction.
        var lastSequence = cache.Recall(room)?.LastSequence ?? 0;
        var fallback = await PersistAsync(room, expectedVersion, document, lastSequence, events, needsRehydration: true, cancellationToken);
        if (fallback.Committed)
        {
            _behind[room] = 0;
            metrics.FallbackCommit();
            cache.Remember(new RoomState(room, fallback.Version, document, lastSequence, time.GetUtcNow()));
        }

        return fallback;
    }

    private async Task<CommitResult> WriteThroughAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        var lastSequence = cache.Recall(room)?.LastSequence ?? 0;
        var result = await PersistAsync(room, expectedVersion, document, lastSequence, events, needsRehydration: false, cancellationToken);
        if (!result.Committed)
        {
            return result;
        }

        await UpdateRedisAfterWriteThroughAsync(new RoomState(room, result.Version, document, result.LastSequence, time.GetUtcNow()), cancellationToken);
        return result;
    }

    /// <summary>Redis must never keep an old version as if it were current: update it, or drop it, or flag it.</summary>
    private async Task UpdateRedisAfterWriteThroughAsync(RoomState state, CancellationToken cancellationToken)
    {
        cache.Remember(state);
        try
        {
            await resilience.Redis.Pipeline.ExecuteAsync(async ct => await redis.RestoreAsync(state, ct), cancellationToken);
        }
        catch (Exception ex) when (IsRedisDown(ex) || ex is CorruptedDataException)
        {
            try
            {
                await redis.InvalidateAsync(state.Room, cancellationToken);
            }
            catch (Exception inner) when (IsRedisDown(inner))
            {
                _behind[state.Room] = 0;
                await persistent.MarkNeedsRehydrationAsync(state.Room, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Write-through of several rooms (and room-less events) in one PostgreSQL transaction, then
    /// Redis room by room (invalidated where it cannot be updated).
    /// </summary>
    public async Task<IReadOnlyList<CommitResult>> WriteThroughManyAsync(
        IReadOnlyList<(string Room, long Expected, string Document, IReadOnlyList<OutboxEvent> Events)> rooms,
        IReadOnlyList<OutboxEvent> extraEvents,
        CancellationToken cancellationToken)
    {
        var commits = new List<RoomCommit>(rooms.Count);
        foreach (var (room, expected, document, events) in rooms)
        {
            redis.Validate(document, events);
            commits.Add(new RoomCommit(room, expected, document, cache.Recall(room)?.LastSequence ?? 0, events));
        }

        IReadOnlyList<CommitResult> results;
        try
        {
            results = await resilience.Postgres.Pipeline.ExecuteAsync(
                async ct => await persistent.CommitManyAsync(commits, extraEvents, needsRehydration: false, ct),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ArgumentException or HybridDataException))
        {
            metrics.CommitFailed();
            throw new StoreUnavailableException("postgresql", $"The write-through transaction could not be committed: PostgreSQL is unavailable ({ex.Message}). Nothing was written.", ex);
        }

        if (results.All(static r => r.Committed))
        {
            for (var i = 0; i < commits.Count; i++)
            {
                await UpdateRedisAfterWriteThroughAsync(new RoomState(commits[i].Room, results[i].Version, commits[i].Document, results[i].LastSequence, time.GetUtcNow()), cancellationToken);
            }
        }

        return results;
    }

    private async Task<CommitResult> PersistAsync(string room, long expectedVersion, string document, long lastSequence, IReadOnlyList<OutboxEvent> events, bool needsRehydration, CancellationToken cancellationToken)
    {
        try
        {
            return await resilience.Postgres.Pipeline.ExecuteAsync(
                async ct => await persistent.CommitAsync(room, expectedVersion, document, lastSequence, events, needsRehydration, ct),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ArgumentException or HybridDataException))
        {
            metrics.CommitFailed();
            throw new StoreUnavailableException(
                needsRehydration ? "redis+postgresql" : "postgresql",
                $"Room {room} could not be committed: {(needsRehydration ? "Redis and PostgreSQL are both unavailable" : "PostgreSQL is unavailable")} ({ex.Message}). Nothing was written.",
                ex);
        }
    }

    private static bool IsRedisDown(Exception ex) =>
        ex is StoreUnavailableException or BrokenCircuitException or TimeoutRejectedException or StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException;
}
