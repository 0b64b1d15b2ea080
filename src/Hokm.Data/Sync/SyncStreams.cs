namespace Hokm.Data.Sync;

/// <summary>
/// The outbox streams of queued sync tasks, one per priority. They are outboxes without room
/// state, drained by the same worker: high first on every pass, medium on every pass with the
/// rooms, low on every fourth pass.
/// </summary>
public static class SyncStreams
{
    /// <summary>Stream of <see cref="SyncPriority.High"/> tasks.</summary>
    public const string High = "_SYNC_HIGH";

    /// <summary>Stream of <see cref="SyncPriority.Medium"/> tasks.</summary>
    public const string Medium = "_SYNC_MEDIUM";

    /// <summary>Stream of <see cref="SyncPriority.Low"/> tasks.</summary>
    public const string Low = "_SYNC_LOW";

    /// <summary>How many passes a low-priority stream waits between drains.</summary>
    public const int LowPriorityEvery = 4;

    /// <summary>The stream for a priority.</summary>
    public static string For(SyncPriority priority) => priority switch
    {
        SyncPriority.High => High,
        SyncPriority.Medium => Medium,
        SyncPriority.Low => Low,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown sync priority."),
    };
}
