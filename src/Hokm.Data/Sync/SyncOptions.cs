using System.ComponentModel.DataAnnotations;

namespace Hokm.Data.Sync;

/// <summary>
/// The write-behind worker's settings, bound from <c>HokmData:Sync</c>, named after the original
/// guide's <c>sync_config</c> (<c>SYNC_BATCH_SIZE</c> overrides <see cref="BatchSize"/>).
/// </summary>
public sealed class SyncOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HokmData:Sync";

    /// <summary>Run the worker in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most outbox entries written to PostgreSQL in one batch (the guide's <c>sync_batch_size</c>).</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Pause between drain passes when there was nothing to do (the guide's <c>sync_interval_seconds</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Shortest time from the start of one busy pass to the start of the next: under a steady
    /// trickle of moves, each pass then writes what gathered meanwhile in one go. Zero: no pause.
    /// Adds at most this much to the sync lag.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan MinPassInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Attempts at writing one entry before it goes to the dead-letter store (the guide's <c>max_retry_attempts</c>).</summary>
    [Range(1, 100)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Each failed attempt waits this much longer than the one before (the guide's <c>retry_backoff_multiplier</c>).</summary>
    [Range(1.0, 10.0)]
    public double RetryBackoffMultiplier { get; set; } = 2.0;

    /// <summary>Wait after the first failed attempt at a room's batch.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Move entries that keep failing to the dead-letter store (the guide's <c>dead_letter_queue_enabled</c>). Off: they are retried forever and block their room's outbox — nothing is ever dropped.</summary>
    public bool DeadLetterQueueEnabled { get; set; } = true;

    /// <summary>How long a consumer holds a room's outbox; a worker that dies is replaced after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sink writes (each one transaction holding several rooms' batches) running at the same time.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// Most entries written in one sink call: the leased batches of many rooms go to PostgreSQL
    /// together, one transaction for up to this many entries (a room's batch is never split).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxEntriesPerWrite { get; set; } = 2_000;

    /// <summary>Rooms taken from the pending index per pass.</summary>
    [Range(1, 10_000)]
    public int RoomsPerPass { get; set; } = 256;

    /// <summary>How often the keyspace is swept for outboxes whose index hint was lost.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReindexInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest graceful-shutdown flush; what is left stays in Redis for the next start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sync lag above which health reports the worker degraded.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DegradedLag { get; set; } = TimeSpan.FromSeconds(30);
}
