using Hokm.Data.Configuration;
using Hokm.Data.Diagnostics;
using Hokm.Data.Health;
using Hokm.Data.Live;
using Hokm.Data.Persistence;
using Hokm.Data.Redis;
using Hokm.Data.Resilience;
using Hokm.Data.Sync;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hokm.Data;

/// <summary>The default <see cref="IHybridDataLayer"/>: composes the stores registered by <c>AddHokmData</c>.</summary>
internal sealed partial class HybridDataLayer(
    ILiveRoomStore rooms,
    ISessionStore sessions,
    IOutboxConsumer outbox,
    IRedisConnection redis,
    PersistenceHealthProbe persistence,
    StoreResilienceRegistry resilience,
    SyncStatus sync,
    IOptions<SyncOptions> syncOptions,
    HybridDataMetrics metrics,
    TimeProvider time,
    HybridRoomCommitter committer,
    SyncTaskQueue syncTasks,
    Consistency.ConsistencyChecker consistency,
    IOptions<HybridDataOptions> dataOptions,
    ISeatViewRedactor? redactor = null) : IHybridDataLayer
{
    private static readonly TimeSpan DefaultActivityWindow = TimeSpan.FromMinutes(10);
    private readonly long _startedAt = time.GetTimestamp();

    public ILiveRoomStore Rooms => rooms;

    public ISessionStore Sessions => sessions;

    public IOutboxConsumer Outbox => outbox;

    public Task<CommitResult> CreateGameSessionAsync(string room, string document, IReadOnlyList<OutboxEvent>? events = null, CancellationToken cancellationToken = default) =>
        committer.CommitAsync(room, 0, document, events ?? [], dataOptions.Value.DefaultWriteMode, cancellationToken);

    public Task<RoomState?> GetGameSessionAsync(string room, CancellationToken cancellationToken = default) =>
        committer.GetAsync(room, cancellationToken);

    public Task<CommitResult> UpdateGameSessionAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent>? events = null, CancellationToken cancellationToken = default) =>
        committer.CommitAsync(room, expectedVersion, document, events ?? [], dataOptions.Value.DefaultWriteMode, cancellationToken);

    public Task<CommitResult> ExecutePlayerMoveAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken = default) =>
        committer.CommitAsync(room, expectedVersion, document, events, dataOptions.Value.DefaultWriteMode, cancellationToken);

    public Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, WriteMode mode, CancellationToken cancellationToken = default) =>
        committer.CommitAsync(room, expectedVersion, document, events, mode, cancellationToken);

    public Task<RoomState?> GetLiveGameStateAsync(string room, CancellationToken cancellationToken = default) =>
        rooms.GetAsync(room, cancellationToken);

    public Task AddPlayerToGameAsync(string room, RoomPlayer player, CancellationToken cancellationToken = default) =>
        rooms.AddPlayerAsync(room, player, cancellationToken);

    public async Task<PlayerReconnectionData?> GetPlayerReconnectionDataAsync(string playerId, CancellationToken cancellationToken = default)
    {
        var seat = await rooms.GetPlayerSeatAsync(playerId, cancellationToken);
        if (seat is null)
        {
            return null;
        }

        var state = await committer.GetAsync(seat.Room, cancellationToken);
        if (state is null)
        {
            return null;
        }

        return new PlayerReconnectionData(playerId, seat.Room, seat.Seat, state.Version, redactor?.Redact(state.Document, seat.Seat));
    }

    public Task<ActiveGamesStats> GetActiveGamesStatsAsync(TimeSpan? window = null, CancellationToken cancellationToken = default) =>
        rooms.GetActiveGamesStatsAsync(window ?? DefaultActivityWindow, cancellationToken);

    public Task<long> GetConcurrentPlayerCountAsync(CancellationToken cancellationToken = default) =>
        sessions.GetConcurrentPlayerCountAsync(cancellationToken);

    public async Task<PlayerSession> GetPlayerSessionAsync(string playerId, CancellationToken cancellationToken = default)
    {
        var presence = sessions.GetPresenceAsync(playerId, cancellationToken);
        var seat = rooms.GetPlayerSeatAsync(playerId, cancellationToken);
        return new PlayerSession(playerId, await presence, await seat);
    }

    public async Task<HybridHealthReport> HealthCheckAsync(CancellationToken cancellationToken = default)
    {
        var redisProbe = ProbeRedisAsync(cancellationToken);
        var postgresProbe = persistence.ProbeAsync(cancellationToken);
        var postgres = (await postgresProbe).ToComponentHealth();
        if (postgres.Status == HealthStatus.Healthy && resilience.Postgres.IsOpen)
        {
            postgres = postgres with { Status = HealthStatus.Degraded, Description = postgres.Description + " (circuit breaker open)" };
        }

        return new HybridHealthReport(await redisProbe, postgres, SyncHealth());
    }

    public async Task<PerformanceMetrics> GetPerformanceMetricsAsync(CancellationToken cancellationToken = default)
    {
        var elapsed = time.GetElapsedTime(_startedAt).TotalSeconds;
        var commits = metrics.CommitCount;
        var failures = metrics.CommitFailures;
        long depth;
        try
        {
            depth = (await rooms.GetActiveGamesStatsAsync(DefaultActivityWindow, cancellationToken)).RoomsWithPendingSync;
        }
        catch (Errors.StoreUnavailableException)
        {
            depth = -1;
        }

        return new PerformanceMetrics(
            elapsed <= 0 ? 0 : commits / elapsed,
            metrics.MeanCommitMilliseconds,
            sync.MeanBatchMilliseconds,
            depth,
            commits + failures == 0 ? 0 : 100.0 * failures / (commits + failures));
    }

    private ComponentHealth SyncHealth()
    {
        var options = syncOptions.Value;
        if (!sync.Running)
        {
            return new ComponentHealth(options.Enabled ? HealthStatus.Degraded : HealthStatus.Healthy, options.Enabled
                ? "The sync worker is not running yet."
                : "No sync worker in this process (HokmData:Sync:Enabled is false); another node drains the outboxes.");
        }

        var detail = $"lag {sync.Lag.TotalSeconds:0.###} s, {sync.PendingRooms} rooms pending, {sync.Written} entries written, {sync.DeadLetters} dead letters";
        if (resilience.Postgres.IsOpen)
        {
            return new ComponentHealth(HealthStatus.Degraded, $"PostgreSQL breaker open: outboxes wait in Redis ({detail}).");
        }

        return sync.Lag > options.DegradedLag
            ? new ComponentHealth(HealthStatus.Degraded, $"Behind: {detail}; last error: {sync.LastError ?? "none"}.")
            : new ComponentHealth(HealthStatus.Healthy, detail);
    }

    private async Task<ComponentHealth> ProbeRedisAsync(CancellationToken cancellationToken)
    {
        var kind = redis.Kind == RedisServerKind.EmbeddedGarnet ? "embedded Garnet" : "Redis";
        if (resilience.Redis.IsOpen)
        {
            return new ComponentHealth(HealthStatus.Unhealthy, $"{kind}: circuit breaker open; commits go to the persistent store.");
        }

        try
        {
            var db = await redis.GetDatabaseAsync(cancellationToken);
            var latency = await db.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return new ComponentHealth(HealthStatus.Healthy, $"{kind} answers.", latency.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new ComponentHealth(HealthStatus.Unhealthy, $"{kind} does not answer: {ex.Message}");
        }
    }
}
