namespace Hokm.Data.Health;

/// <summary>The guide's <c>health_check</c>: redis, postgresql, sync and the overall status.</summary>
/// <param name="Redis">The live tier.</param>
/// <param name="Postgresql">The persistent tier.</param>
/// <param name="Sync">The write-behind worker.</param>
public sealed record HybridHealthReport(ComponentHealth Redis, ComponentHealth Postgresql, ComponentHealth Sync)
{
    /// <summary>
    /// Unhealthy when no store works; degraded when one store or the worker is not healthy (play
    /// goes on through the other store); healthy otherwise.
    /// </summary>
    public HealthStatus Overall =>
        Redis.Status == HealthStatus.Unhealthy && Postgresql.Status == HealthStatus.Unhealthy
            ? HealthStatus.Unhealthy
            : Redis.Status == HealthStatus.Healthy && Postgresql.Status == HealthStatus.Healthy && Sync.Status == HealthStatus.Healthy
                ? HealthStatus.Healthy
                : HealthStatus.Degraded;
}
