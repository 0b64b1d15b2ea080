namespace Hokm.Data.Diagnostics;

/// <summary>The guide's <c>get_performance_metrics</c>, measured in this process since it started.</summary>
/// <param name="RedisOpsPerSecond">Live-tier commits per second since start.</param>
/// <param name="RedisMeanCommitMilliseconds">Mean commit latency.</param>
/// <param name="PostgresAverageQueryMilliseconds">Mean PostgreSQL write latency (0 until the persistent tier runs).</param>
/// <param name="SyncQueueDepth">Rooms whose outbox waits for PostgreSQL.</param>
/// <param name="ErrorRatePercent">Failed commits as a share of all commits.</param>
public sealed record PerformanceMetrics(
    double RedisOpsPerSecond,
    double RedisMeanCommitMilliseconds,
    double PostgresAverageQueryMilliseconds,
    long SyncQueueDepth,
    double ErrorRatePercent);
