namespace Hokm.Data;

/// <summary>Priority of a queued sync task; each has its own drain cadence.</summary>
public enum SyncPriority
{
    /// <summary>Drained first and most often.</summary>
    High,

    /// <summary>The default.</summary>
    Medium,

    /// <summary>Drained last, in larger batches.</summary>
    Low,
}
