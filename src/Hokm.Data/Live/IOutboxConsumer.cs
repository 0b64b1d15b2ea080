namespace Hokm.Data.Live;

/// <summary>
/// The consumer side of the durable outbox, for the sync worker. At-least-once: entries leave the
/// outbox only when acknowledged, so a consumer that dies holding a lease loses nothing — the lease
/// expires and the next consumer is handed the same entries again.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>Rooms whose outbox may hold entries (a hint kept up to date by every commit).</summary>
    Task<IReadOnlyList<string>> GetPendingRoomsAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds every room with a non-empty outbox by scanning the keyspace, and re-indexes those the
    /// hint missed (a commit whose index update was lost). Slow; for periodic sweeps only.
    /// </summary>
    Task<int> ReindexPendingRoomsAsync(CancellationToken cancellationToken = default);

    /// <summary>Leases the oldest entries of a room's outbox for <paramref name="leaseTime"/>.</summary>
    Task<OutboxBatch> LeaseAsync(string room, string consumerId, int maxEntries, TimeSpan leaseTime, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the entries up to <paramref name="upToSequence"/> from the outbox; optionally releases
    /// the lease. When the outbox is empty the room leaves the hint.
    /// </summary>
    Task<OutboxAck> AcknowledgeAsync(string room, string consumerId, long upToSequence, bool release, CancellationToken cancellationToken = default);

    /// <summary>Number of entries waiting in a room's outbox.</summary>
    Task<long> GetDepthAsync(string room, CancellationToken cancellationToken = default);
}
