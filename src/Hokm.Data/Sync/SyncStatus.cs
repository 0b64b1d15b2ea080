using Hokm.Data.Diagnostics;

namespace Hokm.Data.Sync;

/// <summary>What the worker last saw, for health checks, gauges and the performance summary.</summary>
public sealed class SyncStatus
{
    /// <summary>Creates the status and publishes its gauges (outbox depth, pending rooms, lag).</summary>
    public SyncStatus(HybridDataMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics.ObserveSync(() => OutboxDepth, () => Lag.TotalSeconds, () => PendingRooms);
    }

    private long _lastSuccessTicks;
    private long _lagTicks;
    private long _depth;
    private long _pendingRooms;
    private long _written;
    private long _failures;
    private long _deadLetters;
    private long _batches;
    private long _batchTicks;
    private string? _lastError;

    /// <summary>Whether a worker runs in this process.</summary>
    public bool Running { get; internal set; }

    /// <summary>When a batch last reached PostgreSQL.</summary>
    public DateTimeOffset? LastSuccess => Interlocked.Read(ref _lastSuccessTicks) is var t && t == 0 ? null : new DateTimeOffset(t, TimeSpan.Zero);

    /// <summary>Age of the oldest entry in the last batch when it was written (the sync lag).</summary>
    public TimeSpan Lag => TimeSpan.FromTicks(Interlocked.Read(ref _lagTicks));

    /// <summary>Entries left in the outboxes the worker looked at in its last pass.</summary>
    public long OutboxDepth => Interlocked.Read(ref _depth);

    /// <summary>Rooms in the pending index at the last pass.</summary>
    public long PendingRooms => Interlocked.Read(ref _pendingRooms);

    /// <summary>Entries written since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Failed batch attempts since start.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Entries moved to the dead-letter store since start.</summary>
    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    /// <summary>Mean time to write one batch, in milliseconds.</summary>
    public double MeanBatchMilliseconds
    {
        get
        {
            var batches = Interlocked.Read(ref _batches);
            return batches == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _batchTicks)).TotalMilliseconds / batches;
        }
    }

    /// <summary>The last error, if the last attempt failed.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    internal void BatchWritten(DateTimeOffset now, TimeSpan lag, int entries, TimeSpan elapsed)
    {
        Interlocked.Exchange(ref _lastSuccessTicks, now.UtcTicks);
        Interlocked.Exchange(ref _lagTicks, Math.Max(0, lag.Ticks));
        Interlocked.Add(ref _written, entries);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _batchTicks, elapsed.Ticks);
        Volatile.Write(ref _lastError, null);
    }

    internal void BatchFailed(string error)
    {
        Interlocked.Increment(ref _failures);
        Volatile.Write(ref _lastError, error);
    }

    internal void DeadLettered(int count) => Interlocked.Add(ref _deadLetters, count);

    internal void PassCompleted(long pendingRooms, long depth)
    {
        Interlocked.Exchange(ref _pendingRooms, pendingRooms);
        Interlocked.Exchange(ref _depth, depth);
        if (depth == 0)
        {
            Interlocked.Exchange(ref _lagTicks, 0);
        }
    }
}
