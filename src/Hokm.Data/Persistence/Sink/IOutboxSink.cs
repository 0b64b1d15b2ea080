using Hokm.Data.Live;

namespace Hokm.Data.Persistence.Sink;

/// <summary>
/// Writes outbox entries to the persistent store, idempotently: each entry is keyed by its natural
/// key (game id; game id and sequence; game id and hand number; action id), so writing the same
/// entries again adds nothing. This is what makes the sync worker's at-least-once delivery have an
/// exactly-once effect.
/// </summary>
public interface IOutboxSink
{
    /// <summary>
    /// Writes <paramref name="entries"/> in one database transaction, each type in bulk.
    /// Entries that cannot be written (corrupted, unknown type, bad payload, refused by a
    /// constraint) are reported in <see cref="SinkResult.Failures"/> and do not stop the others.
    /// </summary>
    /// <exception cref="Exception">
    /// The store could not be reached or failed for a reason that is not one entry's fault
    /// (connection, timeout, disk): nothing was written and the whole call can be retried.
    /// </exception>
    Task<SinkResult> WriteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default);
}
