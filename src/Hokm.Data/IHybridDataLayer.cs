using Hokm.Data.Diagnostics;
using Hokm.Data.Health;
using Hokm.Data.Live;

namespace Hokm.Data;

/// <summary>
/// The face of the hybrid data library: Redis (or embedded Garnet) for what is live, PostgreSQL
/// (or SQLite) for what must last, a durable outbox between them. docs/data-layer.md maps every
/// call of the original usage guide onto these members.
/// </summary>
public interface IHybridDataLayer
{
    /// <summary>The live room store (state + outbox commits).</summary>
    ILiveRoomStore Rooms { get; }

    /// <summary>Sessions and presence.</summary>
    ISessionStore Sessions { get; }

    /// <summary>The outbox consumer API used by the sync worker.</summary>
    IOutboxConsumer Outbox { get; }

    /// <summary>Creates a room's live state at version 1 (guide: <c>create_game_session</c>).</summary>
    Task<CommitResult> CreateGameSessionAsync(string room, string document, IReadOnlyList<OutboxEvent>? events = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a room's state: Redis, then PostgreSQL, then this process's last-known copy (guide: <c>get_game_session</c>).</summary>
    Task<RoomState?> GetGameSessionAsync(string room, CancellationToken cancellationToken = default);

    /// <summary>Replaces a room's state at an expected version, queuing its events for PostgreSQL (guide: <c>update_game_session</c>).</summary>
    Task<CommitResult> UpdateGameSessionAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent>? events = null, CancellationToken cancellationToken = default);

    /// <summary>Commits one move: new state and its events in one atomic step (guide: <c>execute_player_move</c> + <c>queue_sync_task</c>).</summary>
    Task<CommitResult> ExecutePlayerMoveAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits a room's state and events with an explicit write mode: <see cref="WriteMode.WriteBehind"/>
    /// (Redis now, PostgreSQL from the outbox; PostgreSQL directly while Redis is down) or
    /// <see cref="WriteMode.WriteThrough"/> (PostgreSQL first, then Redis).
    /// </summary>
    Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, WriteMode mode, CancellationToken cancellationToken = default);

    /// <summary>Reads a room's live state from Redis only (guide: <c>get_live_game_state</c>).</summary>
    Task<RoomState?> GetLiveGameStateAsync(string room, CancellationToken cancellationToken = default);

    /// <summary>Seats a player in a room (guide: <c>add_player_to_game</c>).</summary>
    Task AddPlayerToGameAsync(string room, RoomPlayer player, CancellationToken cancellationToken = default);

    /// <summary>The seat and redacted view a reconnecting player needs (guide: <c>get_player_reconnection_data</c>).</summary>
    Task<PlayerReconnectionData?> GetPlayerReconnectionDataAsync(string playerId, CancellationToken cancellationToken = default);

    /// <summary>Live room counts (guide: <c>get_active_games_stats</c>).</summary>
    Task<ActiveGamesStats> GetActiveGamesStatsAsync(TimeSpan? window = null, CancellationToken cancellationToken = default);

    /// <summary>Players connected on any node (guide: <c>get_concurrent_player_count</c>).</summary>
    Task<long> GetConcurrentPlayerCountAsync(CancellationToken cancellationToken = default);

    /// <summary>A player's presence and seat (guide: <c>get_player_session</c>).</summary>
    Task<PlayerSession> GetPlayerSessionAsync(string playerId, CancellationToken cancellationToken = default);

    /// <summary>Health of each store and the worker (guide: <c>health_check</c>).</summary>
    Task<HybridHealthReport> HealthCheckAsync(CancellationToken cancellationToken = default);

    /// <summary>Throughput, latency, backlog and error rate (guide: <c>get_performance_metrics</c>).</summary>
    Task<PerformanceMetrics> GetPerformanceMetricsAsync(CancellationToken cancellationToken = default);
}
