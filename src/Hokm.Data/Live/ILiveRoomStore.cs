namespace Hokm.Data.Live;

/// <summary>
/// Live room state in Redis: one atomic, versioned commit of state + outbox events per move.
/// </summary>
public interface ILiveRoomStore
{
    /// <summary>
    /// Writes the state, appends the events to the room's outbox, bumps the version and refreshes
    /// the TTL — one Lua script, one round trip. <paramref name="expectedVersion"/> 0 creates the room.
    /// </summary>
    /// <exception cref="Errors.InvalidKeyException">The room code is not valid.</exception>
    /// <exception cref="Errors.PayloadTooLargeException">The state or an event exceeds its limit.</exception>
    /// <exception cref="Errors.CorruptedDataException">The stored room is not in the shape this library writes.</exception>
    /// <exception cref="Errors.StoreUnavailableException">Redis cannot be reached; nothing is known to be written.</exception>
    Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Reads the room's live state, or null when Redis has none.</summary>
    Task<RoomState?> GetAsync(string room, CancellationToken cancellationToken = default);

    /// <summary>Removes the room's live state and players. Its outbox stays until it is drained.</summary>
    Task DeleteAsync(string room, CancellationToken cancellationToken = default);

    /// <summary>Records a player in a room's seat and remembers the seat for reconnection.</summary>
    Task AddPlayerAsync(string room, RoomPlayer player, CancellationToken cancellationToken = default);

    /// <summary>Removes a player from a room and forgets their seat.</summary>
    Task RemovePlayerAsync(string room, string playerId, CancellationToken cancellationToken = default);

    /// <summary>The players recorded in a room, by seat.</summary>
    Task<IReadOnlyList<RoomPlayer>> GetPlayersAsync(string room, CancellationToken cancellationToken = default);

    /// <summary>The room and seat a player holds, or null.</summary>
    Task<PlayerSeat?> GetPlayerSeatAsync(string playerId, CancellationToken cancellationToken = default);

    /// <summary>Rooms committed to within the given window, newest first.</summary>
    Task<ActiveGamesStats> GetActiveGamesStatsAsync(TimeSpan window, CancellationToken cancellationToken = default);
}
