namespace Hokm.Data.Persistence.Sink;

/// <summary>Why the sink could not write one outbox entry. Each is permanent: retrying the same entry fails the same way.</summary>
public enum SinkFailureReason
{
    /// <summary>The outbox entry itself was unreadable (<see cref="Live.OutboxEntry.IsCorrupted"/>).</summary>
    Corrupted,

    /// <summary>No writer knows the entry's type.</summary>
    UnknownType,

    /// <summary>The payload is not valid JSON of its type, or a value is out of range.</summary>
    Malformed,

    /// <summary>The database refused the row (a constraint, such as a seat naming an unknown player).</summary>
    Rejected,
}
