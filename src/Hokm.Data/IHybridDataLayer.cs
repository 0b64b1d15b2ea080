using Hokm.Data.Batching;
using Hokm.Data.Consistency;
using Hokm.Data.Diagnostics;
using Hokm.Data.Health;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Transactions;

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

    /// <summary>Starts a unit of work in one write mode (guide: <c>sync_manager.hybrid_transaction</c>).</summary>
    Task<IHybridTransaction> BeginTransactionAsync(WriteMode mode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues an event that belongs to no room for PostgreSQL, on a priority stream drained at that
    /// priority's cadence (guide: <c>queue_sync_task</c>). Written to PostgreSQL directly while Redis is down.
    /// </summary>
    /// <exception cref="ArgumentException">The event is not one the persistent store can write.</exception>
    Task QueueSyncTaskAsync(OutboxEvent task, SyncPriority priority = SyncPriority.Medium, CancellationToken cancellationToken = default);

    /// <summary>Logs a player action with eventual consistency: not cached, reaches PostgreSQL from the low-priority stream (guide: <c>log_player_action</c>).</summary>
    Task LogPlayerActionAsync(ActionRecorded action, CancellationToken cancellationToken = default);

    /// <summary>Runs many operations at once, pipelined; each succeeds or fails on its own (guide: <c>execute_batch_operations</c>).</summary>
    Task<IReadOnlyList<BatchResult>> ExecuteBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compares live state and outbox positions with PostgreSQL on a sample and reports the
    /// differences (guide: <c>check_data_consistency</c>). Data types: <c>game_sessions</c>,
    /// <c>outbox</c>, <c>dead_letters</c>, <c>all</c>.
    /// </summary>
    Task<ConsistencyReport> CheckDataConsistencyAsync(string dataType, int sampleSize, CancellationToken cancellationToken = default);

    /// <summary>Repairs what a report found: re-drives outboxes, rebuilds Redis from PostgreSQL (guide: <c>resolve_inconsistencies</c>). Returns the issues resolved.</summary>
    Task<int> ResolveInconsistenciesAsync(ConsistencyReport report, CancellationToken cancellationToken = default);
}
