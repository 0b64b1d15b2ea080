namespace Hokm.Data.Persistence.Model;

/// <summary>A row of <c>dead_letters</c>: an outbox entry that kept failing, kept for inspection and replay.</summary>
public sealed class DeadLetterRow
{
    /// <summary>The dead letter's id.</summary>
    public long Id { get; set; }

    /// <summary>Where the entry came from (the room code of its outbox).</summary>
    public required string Source { get; set; }

    /// <summary>The entry's outbox sequence number, when known.</summary>
    public long? Sequence { get; set; }

    /// <summary>The entry's event type.</summary>
    public required string Type { get; set; }

    /// <summary>The entry's payload, as stored (or as last corrected).</summary>
    public required string Payload { get; set; }

    /// <summary>The last error.</summary>
    public required string Error { get; set; }

    /// <summary>How many times writing it was tried.</summary>
    public int Attempts { get; set; }

    /// <summary>When it first failed.</summary>
    public DateTimeOffset FirstFailureAt { get; set; }

    /// <summary>When it last failed.</summary>
    public DateTimeOffset LastFailureAt { get; set; }

    /// <summary>When a replay wrote it; null while it waits.</summary>
    public DateTimeOffset? ReplayedAt { get; set; }
}
