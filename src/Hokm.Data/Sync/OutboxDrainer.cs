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
            (written, depth) = await DrainRoomAsync(SyncStreams.High, cancellationToken);
        }

        await Parallel.ForEachAsync(
            ordered,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (room, ct) =>
            {
                var (count, remaining) = await DrainRoomAsync(room, ct);
                Interlocked.Add(ref written, count);
                Interlocked.Add(ref depth, remaining);
            });
        _status.PassCompleted(rooms.Count, depth);
        return written;
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
    internal async Task<(int Written, long Remaining)> DrainRoomAsync(string room, CancellationToken cancellationToken)
    {
        if (_backoff.TryGetValue(room, out var wait) && wait.Until > _time.GetUtcNow())
        {
            return (0, 1);
        }

        var written = 0;
        for (var round = 0; round < 1000; round++)
        {
            OutboxBatch batch;
            try
            {
                batch = await _outbox.LeaseAsync(room, ConsumerId, _options.BatchSize, _options.LeaseTime, cancellationToken);
            }
            catch (Errors.StoreUnavailableException ex)
            {
                _status.BatchFailed(ex.Message);
                return (written, 1);
            }

            if (!batch.Leased)
            {
                return (written, 1);
            }

            if (batch.Entries.Count == 0)
            {
                var empty = await _outbox.AcknowledgeAsync(room, ConsumerId, 0, release: true, cancellationToken);
                return (written, empty.Remaining);
            }

            var (storeFailed, ackUpTo, stored, failed) = await WriteBatchAsync(room, batch, cancellationToken);
            if (storeFailed)
            {
                // The store is down: acknowledge nothing; the lease lapses and the entries stay.
                return (written, batch.Entries.Count);
            }

            written += stored;
            var ack = ackUpTo is { } upTo
                ? await _outbox.AcknowledgeAsync(room, ConsumerId, upTo, release: failed || batch.Entries.Count < _options.BatchSize, cancellationToken)
                : new OutboxAck(true, 0, batch.Entries.Count);
            if (failed)
            {
                var next = _backoff.AddOrUpdate(
                    room,
                    _ => new RoomBackoff(1, _time.GetUtcNow() + _options.RetryDelay),
                    (_, b) => new RoomBackoff(b.Failures + 1, _time.GetUtcNow() + (_options.RetryDelay * Math.Pow(_options.RetryBackoffMultiplier, b.Failures))));
                DataLog.SyncRoomBackoff(_logger, room, next.Failures, next.Until);
                return (written, ack.Remaining);
            }

            _backoff.TryRemove(room, out _);
            if (ack.Remaining == 0 || batch.Entries.Count < _options.BatchSize)
            {
                return (written, ack.Remaining);
            }
        }

        return (written, 1);
    }

    /// <summary>
    /// Writes a leased batch. Returns whether the store failed as a whole, the sequence to
    /// acknowledge up to (null: acknowledge nothing), how many entries are stored, and whether any
    /// entry failed and waits for another attempt.
    /// </summary>
    private async Task<(bool StoreFailed, long? AckUpTo, int Stored, bool Failed)> WriteBatchAsync(string room, OutboxBatch batch, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        SinkResult result;
        try
        {
            result = await _postgres.Pipeline.ExecuteAsync(static (state, ct) => new ValueTask<SinkResult>(state.Sink.WriteAsync(state.Entries, ct)), (Sink: _sink, batch.Entries), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _status.BatchFailed(ex.Message);
            _metrics.SyncBatchFailed(ex is BrokenCircuitException ? "breaker_open" : "store");
            if (ex is not BrokenCircuitException)
            {
                DataLog.SyncBatchFailed(_logger, room, batch.Entries.Count, ex.Message);
            }

            return (true, null, 0, false);
        }

        var ackUpTo = batch.LastSequence;
        var waiting = false;
        var holdAll = false;
        var deadLettered = 0;
        foreach (var failure in result.Failures.OrderBy(static f => f.Entry.Sequence))
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

        var now = _time.GetUtcNow();
        var oldest = batch.Entries.Min(static e => e.At);
        var elapsed = _time.GetElapsedTime(started);
        _status.BatchWritten(now, now - oldest, result.Written, elapsed);
        _status.DeadLettered(deadLettered);
        _metrics.SyncBatchWritten(batch.Entries.Count, result.Written, deadLettered, elapsed, now - oldest);
        return (false, holdAll ? null : Math.Max(0, ackUpTo), result.Written, waiting);

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

    /// <summary>A consumer id unique to this drainer: host, process and a random part, in key-safe characters.</summary>
    private static string NewConsumerId()
    {
        var host = new string(Environment.MachineName.Select(static c => char.IsAsciiLetterOrDigit(c) ? c : '-').Take(24).ToArray());
        var id = $"sync-{host}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return id.Length <= 64 ? id : id[^64..];
    }

    private readonly record struct RoomBackoff(int Failures, DateTimeOffset Until);
}
