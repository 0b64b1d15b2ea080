using Hokm.Data.Live;

namespace Hokm.Data.Persistence.Rooms;

/// <summary>
/// Room state in the persistent store: the target of write-through commits and of write-behind
/// commits while Redis is down. One database transaction writes the state (version-checked) and
/// the commit's events (idempotently, through the sink's writers).
/// </summary>
public interface IPersistentRoomStore
{
    /// <summary>
    /// Writes the room's state at <paramref name="expectedVersion"/> + 1 and stores
    /// <paramref name="events"/> directly in their tables, in one transaction. The stored row may be
    /// behind (Redis had newer versions); it is refused only when it is ahead of the expected version.
    /// </summary>
    /// <param name="room">The normalised room code.</param>
    /// <param name="expectedVersion">The version the caller's state is based on.</param>
    /// <param name="document">The new state document.</param>
    /// <param name="lastSequence">The room's outbox sequence to record with the state.</param>
    /// <param name="events">The commit's events.</param>
    /// <param name="needsRehydration">True when Redis did not get this version (fallback), so it must be rebuilt.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An event is not one the persistent store can write; nothing was written.</exception>
    Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, long lastSequence, IReadOnlyList<OutboxEvent> events, bool needsRehydration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes several rooms (and <paramref name="extraEvents"/> that belong to no room) in ONE
    /// transaction: if any room's stored version is ahead of its expected one, nothing is written
    /// and the results say which room conflicted.
    /// </summary>
    Task<IReadOnlyList<CommitResult>> CommitManyAsync(IReadOnlyList<RoomCommit> rooms, IReadOnlyList<OutboxEvent> extraEvents, bool needsRehydration, CancellationToken cancellationToken = default);

    /// <summary>The room's state as last written here, or null.</summary>
    Task<RoomState?> GetAsync(string room, CancellationToken cancellationToken = default);

    /// <summary>Rooms whose newest version Redis does not have yet.</summary>
    Task<IReadOnlyList<RoomState>> ListNeedingRehydrationAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Clears the rehydration flag if the row is still at <paramref name="version"/>.</summary>
    Task MarkRehydratedAsync(string room, long version, CancellationToken cancellationToken = default);

    /// <summary>Sets the rehydration flag (Redis could not be updated or invalidated after a write-through).</summary>
    Task MarkNeedsRehydrationAsync(string room, CancellationToken cancellationToken = default);
}
