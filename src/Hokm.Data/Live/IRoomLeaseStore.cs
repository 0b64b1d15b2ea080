namespace Hokm.Data.Live;

/// <summary>
/// Room ownership for several server nodes sharing one Redis (docs/scaling.md): one owner per room
/// through a lease key set only when absent, with an expiry, and a fencing token that grows with
/// every acquisition; commits that carry a lease are refused once it is no longer current.
/// Every key of one room is in the room's hash slot, so this works on Redis Cluster.
/// </summary>
public interface IRoomLeaseStore
{
    /// <summary>
    /// Takes the room's lease for <paramref name="nodeId"/> unless another node holds it. A node that
    /// already holds it gets a new token (its older lease becomes stale).
    /// </summary>
    /// <exception cref="Errors.InvalidKeyException">The room code or node id is not valid.</exception>
    /// <exception cref="Errors.StoreUnavailableException">Redis cannot be reached.</exception>
    Task<LeaseAcquisition> AcquireAsync(string room, string nodeId, TimeSpan leaseTime, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease; false when it is no longer held (expired, or another node took over).</summary>
    /// <exception cref="Errors.StoreUnavailableException">Redis cannot be reached.</exception>
    Task<bool> RenewAsync(RoomLease lease, TimeSpan leaseTime, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up (graceful shutdown, room closed); false when it was not held any more.</summary>
    /// <exception cref="Errors.StoreUnavailableException">Redis cannot be reached.</exception>
    Task<bool> ReleaseAsync(RoomLease lease, CancellationToken cancellationToken = default);

    /// <summary>The current holder's <c>node/token</c>, or null when nobody holds the room.</summary>
    /// <exception cref="Errors.StoreUnavailableException">Redis cannot be reached.</exception>
    Task<string?> GetHolderAsync(string room, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits like <see cref="IHybridDataLayer.ExecutePlayerMoveAsync"/> (write-behind, with the
    /// PostgreSQL fallback while Redis is down), and in Redis only if <paramref name="lease"/> is
    /// still the room's current lease — else <see cref="CommitStatus.Fenced"/> and nothing written.
    /// While Redis is down the commit goes to PostgreSQL guarded by the row version only.
    /// </summary>
    Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, RoomLease? lease, CancellationToken cancellationToken = default);
}
