using System.Collections.Concurrent;
using Hokm.Data.Diagnostics;
using Hokm.Data.Live;
using Hokm.Data.Logging;
using Hokm.Data.Persistence.DeadLetters;
using Hokm.Data.Persistence.Sink;
using Hokm.Data.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Hokm.Data.Sync;

/// <summary>
/// Moves outbox entries from Redis to PostgreSQL: lease a room's oldest entries, write them through
/// the idempotent sink (inside the PostgreSQL resilience pipeline), acknowledge what is stored.
/// At-least-once delivery with an exactly-once effect: anything not acknowledged is leased again
/// later and written again harmlessly. An entry that keeps failing goes to the dead-letter store
/// after <see cref="SyncOptions.MaxRetryAttempts"/>; nothing is ever dropped.
/// </summary>
public sealed class OutboxDrainer
{
    private readonly IOutboxConsumer _outbox;
    private readonly IOutboxSink _sink;
    private readonly IDeadLetterStore _deadLetters;
    private readonly StoreResilience _postgres;
    private readonly SyncOptions _options;
    private readonly SyncStatus _status;
    private readonly HybridDataMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(string Room, long Sequence), int> _attempts = new();
    private readonly ConcurrentDictionary<string, RoomBackoff> _backoff = new(StringComparer.Ordinal);
    private long _passes;

    internal OutboxDrainer(
        IOutboxConsumer outbox,
        IOutboxSink sink,
        IDeadLetterStore deadLetters,
        StoreResilienceRegistry resilience,
        IOptions<SyncOptions> options,
        SyncStatus status,
        HybridDataMetrics metrics,
        TimeProvider time,
        ILogger<OutboxDrainer> logger,
        string? consumerId = null)
    {
        _outbox = outbox;
        _sink = sink;
        _deadLetters = deadLetters;
        _postgres = resilience.Postgres;
        _options = options.Value;
        _status = status;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        ConsumerId = consumerId ?? NewConsumerId();
    }

    /// <summary>This drainer's consumer id (one per process unless given).</summary>
    public string ConsumerId { get; }

    /// <summary>
    /// One pass: drains the rooms in the pending index (up to <see cref="SyncOptions.RoomsPerPass"/>).
    /// Returns the number of entries written. Throws nothing for store failures: they are counted,
    /// logged and retried on later passes.
    /// </summary>
    public async Task<int> DrainPassAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> rooms;
        try
        {
            rooms = await _outbox.GetPendingRoomsAsync(_options.RoomsPerPass, cancellationToken);
        }
        catch (Errors.StoreUnavailableException ex)
        {
            _status.BatchFailed(ex.Message);
            return 0;
        }

        // Priorities: the high-priority stream first, the low one only every few passes.
        var pass = Interlocked.Increment(ref _passes);
        var ordered = rooms
            .Where(r => r != SyncStreams.Low || pass % SyncStreams.LowPriorityEvery == 0)
            .ToList();
        var written = 0;
        long depth = 0;
        if (ordered.Remove(SyncStreams.High))
        {
            (written, depth) = await DrainRoomsAsync([SyncStreams.High], cancellationToken);
        }

        var (count, remaining) = await DrainRoomsAsync(ordered, cancellationToken);
        _status.PassCompleted(rooms.Count, depth + remaining);
        return written + count;
    }

    /// <summary>
    /// Drains until every pending outbox is empty, nothing more can be written (a store is down
    /// or only failing entries are left), or <paramref name="timeout"/> passes. Used on graceful
    /// shutdown and by tests. Returns the number of entries written.
    /// </summary>
    public async Task<int> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var total = 0;
        for (var pass = 0; pass < 100_000 && _time.GetElapsedTime(started) < timeout; pass++)
        {
            var written = await DrainPassAsync(cancellationToken);
            total += written;
            if (_status.PendingRooms == 0)
            {
                return total;
            }

            if (written == 0)
            {
                // Only rooms waiting out a backoff (or a store that is down) are left.
                await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken);
            }
        }

        return total;
    }

    /// <summary>Drains one room's outbox as far as it can now; returns (entries written, entries left).</summary>
    internal Task<(int Written, long Remaining)> DrainRoomAsync(string room, CancellationToken cancellationToken)
        => DrainRoomsAsync([room], cancellationToken);

    /// <summary>
    /// Drains several rooms' outboxes together, as far as they can go now: leases every room's oldest
    /// entries at once (one pipelined round of Redis calls), writes the entries of many rooms through
    /// the sink in one transaction (up to <see cref="SyncOptions.MaxEntriesPerWrite"/> entries,
    /// <see cref="SyncOptions.Parallelism"/> such writes at a time), then acknowledges every room at
    /// once. Rooms whose batch came back full go round again. Returns (entries written, entries left;
    /// a room that could not be drained counts as at least one left).
    /// </summary>
    internal async Task<(int Written, long Remaining)> DrainRoomsAsync(IReadOnlyList<string> rooms, CancellationToken cancellationToken)
    {
        var written = 0;
        long remaining = 0;
        var now = _time.GetUtcNow();
        var active = new List<string>(rooms.Count);
        foreach (var room in rooms)
        {
            if (_backoff.TryGetValue(room, out var wait) && wait.Until > now)
            {
                remaining++;
            }
            else
            {
                active.Add(room);
            }
        }

        for (var round = 0; round < 1000 && active.Count > 0; round++)
        {
            var batches = await Task.WhenAll(active.Select(room => LeaseAsync(room, cancellationToken)));
            var full = new List<OutboxBatch>();
            var empty = new List<string>();
            foreach (var batch in batches)
            {
                if (batch is null || !batch.Leased)
                {
                    remaining++;
                }
                else if (batch.Entries.Count == 0)
                {
                    empty.Add(batch.Room);
                }
                else
                {
                    full.Add(batch);
                }
            }

            var released = await Task.WhenAll(empty.Select(room => AcknowledgeAsync(room, 0, release: true, cancellationToken)));
            remaining += released.Sum(static a => a is { } ack ? ack.Remaining : 1);

            var next = new List<string>();
            var storeFailed = false;
            await Parallel.ForEachAsync(
                Chunk(full, _options.MaxEntriesPerWrite),
                new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
                async (chunk, ct) =>
                {
                    var outcome = await WriteChunkAsync(chunk, ct);
                    lock (next)
                    {
                        written += outcome.Written;
                        remaining += outcome.Remaining;
                        next.AddRange(outcome.Again);
                        storeFailed |= outcome.StoreFailed;
                    }
                });

            if (storeFailed)
            {
                // The store is down: the rest waits for a later pass (or the next lease).
                remaining += next.Count;
                break;
            }

            active = next;
        }

        return (written, remaining + active.Count);
    }

    /// <summary>
    /// Writes the leased batches of several rooms through the sink in one call (one transaction),
    /// settles each room's failures and acknowledges each room. Returns the entries written, the
    /// entries left, the rooms to lease again (their batch was full and all of it was settled) and
    /// whether the store failed as a whole (then nothing is acknowledged and the leases lapse).
    /// </summary>
    private async Task<(int Written, long Remaining, List<string> Again, bool StoreFailed)> WriteChunkAsync(List<OutboxBatch> chunk, CancellationToken cancellationToken)
    {
        var entries = new List<OutboxEntry>(chunk.Sum(static b => b.Entries.Count));
        foreach (var batch in chunk)
        {
            entries.AddRange(batch.Entries);
        }

        var started = _time.GetTimestamp();
        SinkResult result;
        try
        {
            result = await _postgres.Pipeline.ExecuteAsync(static (state, ct) => new ValueTask<SinkResult>(state.Sink.WriteAsync(state.Entries, ct)), (Sink: _sink, Entries: entries), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _status.BatchFailed(ex.Message);
            _metrics.SyncBatchFailed(ex is BrokenCircuitException ? "breaker_open" : "store");
            if (ex is not BrokenCircuitException)
            {
                DataLog.SyncBatchFailed(_logger, chunk.Count == 1 ? chunk[0].Room : $"{chunk.Count} rooms", entries.Count, ex.Message);
            }

            return (0, entries.Count, [], true);
        }

        var failuresByRoom = result.Failures.ToLookup(static f => f.Entry.Room, StringComparer.Ordinal);
        var settled = new (OutboxBatch Batch, long? AckUpTo, bool Failed)[chunk.Count];
        var deadLettered = 0;
        for (var i = 0; i < chunk.Count; i++)
        {
            var batch = chunk[i];
            var (ackUpTo, failed, parked) = await SettleAsync(batch, failuresByRoom[batch.Room], cancellationToken);
            settled[i] = (batch, ackUpTo, failed);
            deadLettered += parked;
        }

        var now = _time.GetUtcNow();
        var oldest = entries.Min(static e => e.At);
        var elapsed = _time.GetElapsedTime(started);
        _status.BatchWritten(now, now - oldest, result.Written, elapsed);
        _status.DeadLettered(deadLettered);
        _metrics.SyncBatchWritten(entries.Count, result.Written, deadLettered, elapsed, now - oldest);

        var acks = await Task.WhenAll(settled.Select(s => s.AckUpTo is { } upTo
            ? AcknowledgeAsync(s.Batch.Room, upTo, release: s.Failed || s.Batch.Entries.Count < _options.BatchSize, cancellationToken)
            : Task.FromResult<OutboxAck?>(new OutboxAck(true, 0, s.Batch.Entries.Count))));
        long remaining = 0;
        var again = new List<string>();
        for (var i = 0; i < settled.Length; i++)
        {
            var (batch, _, failed) = settled[i];
            var ack = acks[i];
            if (failed)
            {
                var next = _backoff.AddOrUpdate(
                    batch.Room,
                    _ => new RoomBackoff(1, _time.GetUtcNow() + _options.RetryDelay),
                    (_, b) => new RoomBackoff(b.Failures + 1, _time.GetUtcNow() + (_options.RetryDelay * Math.Pow(_options.RetryBackoffMultiplier, b.Failures))));
                DataLog.SyncRoomBackoff(_logger, batch.Room, next.Failures, next.Until);
                remaining += ack is { } held ? held.Remaining : 1;
                continue;
            }

            _backoff.TryRemove(batch.Room, out _);
            if (ack is not { } done)
            {
                remaining++;
            }
            else if (done.Remaining > 0 && batch.Entries.Count >= _options.BatchSize)
            {
                again.Add(batch.Room);
            }
            else
            {
                remaining += done.Remaining;
            }
        }

        return (result.Written, remaining, again, false);
    }

    /// <summary>
    /// Settles one room's share of a written batch: counts an attempt for each failing entry, parks
    /// in the dead-letter store those out of attempts, and works out how far the room's outbox may
    /// be acknowledged (null: nothing). Returns that, whether any entry waits for another attempt,
    /// and how many entries went to dead letters.
    /// </summary>
    private async Task<(long? AckUpTo, bool Failed, int DeadLettered)> SettleAsync(OutboxBatch batch, IEnumerable<SinkFailure> failures, CancellationToken cancellationToken)
    {
        var room = batch.Room;
        var ackUpTo = batch.LastSequence;
        var waiting = false;
        var holdAll = false;
        var deadLettered = 0;
        foreach (var failure in failures.OrderBy(static f => f.Entry.Sequence))
        {
            var entry = failure.Entry;

            // An unreadable entry cannot get better by waiting; everything else gets its attempts.
            var attempts = entry.IsCorrupted ? _options.MaxRetryAttempts : _attempts.AddOrUpdate((room, entry.Sequence), 1, static (_, n) => n + 1);
            if (attempts < _options.MaxRetryAttempts || !_options.DeadLetterQueueEnabled)
            {
                waiting = true;
                Hold(entry);
                DataLog.SyncEntryFailed(_logger, room, entry.Sequence, attempts, failure.Error);
                continue;
            }

            try
            {
                await _postgres.Pipeline.ExecuteAsync(
                    static async (state, ct) => await state.Store.AddAsync(state.Entry, state.Error, state.Attempts, ct),
                    (Store: _deadLetters, Entry: entry, failure.Error, Attempts: attempts),
                    cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Could not park it: keep it in the outbox and try the whole thing again later.
                waiting = true;
                Hold(entry);
                _status.BatchFailed(ex.Message);
                continue;
            }

            _attempts.TryRemove((room, entry.Sequence), out _);
            deadLettered++;
            DataLog.SyncEntryDeadLettered(_logger, room, entry.Sequence, attempts, failure.Error);
        }

        return (holdAll ? null : Math.Max(0, ackUpTo), waiting, deadLettered);

        // Keeps an entry in the outbox. An unreadable one has no sequence to stop before, and the
        // acknowledgement removes unreadable entries it passes, so then nothing is acknowledged.
        void Hold(OutboxEntry entry)
        {
            if (entry.IsCorrupted)
            {
                holdAll = true;
            }
            else
            {
                ackUpTo = Math.Min(ackUpTo, entry.Sequence - 1);
            }
        }
    }

    /// <summary>Leases a room's oldest entries; null when Redis could not be reached (counted).</summary>
    private async Task<OutboxBatch?> LeaseAsync(string room, CancellationToken cancellationToken)
    {
        try
        {
            return await _outbox.LeaseAsync(room, ConsumerId, _options.BatchSize, _options.LeaseTime, cancellationToken);
        }
        catch (Errors.StoreUnavailableException ex)
        {
            _status.BatchFailed(ex.Message);
            return null;
        }
    }

    /// <summary>Acknowledges a room's outbox up to a sequence; null when Redis could not be reached (counted; the lease lapses).</summary>
    private async Task<OutboxAck?> AcknowledgeAsync(string room, long upTo, bool release, CancellationToken cancellationToken)
    {
        try
        {
            return await _outbox.AcknowledgeAsync(room, ConsumerId, upTo, release, cancellationToken);
        }
        catch (Errors.StoreUnavailableException ex)
        {
            _status.BatchFailed(ex.Message);
            return null;
        }
    }

    /// <summary>Groups whole batches into chunks of about <paramref name="maxEntries"/> entries (a batch is never split).</summary>
    private static List<List<OutboxBatch>> Chunk(List<OutboxBatch> batches, int maxEntries)
    {
        var chunks = new List<List<OutboxBatch>>();
        var current = new List<OutboxBatch>();
        var size = 0;
        foreach (var batch in batches)
        {
            if (current.Count > 0 && size + batch.Entries.Count > maxEntries)
            {
                chunks.Add(current);
                current = [];
                size = 0;
            }

            current.Add(batch);
            size += batch.Entries.Count;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }

    /// <summary>A consumer id unique to this drainer: host, process and a random part, in key-safe characters.</summary>
    private static string NewConsumerId()
    {
        var host = new string(Environment.MachineName.Select(static c => char.IsAsciiLetterOrDigit(c) ? c : '-').Take(24).ToArray());
        var id = $"sync-{host}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return id.Length <= 64 ? id : id[^64..];
    }

    private readonly record struct RoomBackoff(int Failures, DateTimeOffset Until);
}
