using Hokm.Data.Health;

namespace Hokm.Data.Persistence;

/// <summary>The outcome of one <see cref="PersistenceHealthProbe.ProbeAsync"/>.</summary>
/// <param name="Provider">The database probed.</param>
/// <param name="Reachable">True when <c>SELECT 1</c> answered within the probe timeout.</param>
/// <param name="ServerVersion">The server's version (PostgreSQL) or the SQLite library's, when reachable.</param>
/// <param name="Latency">How long the probe took (open + query).</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record PersistenceProbeResult(PersistenceProvider Provider, bool Reachable, string? ServerVersion, TimeSpan Latency, string? Error)
{
    /// <summary>The probe as one component of the health report.</summary>
    public ComponentHealth ToComponentHealth() => Reachable
        ? new ComponentHealth(HealthStatus.Healthy, $"{Provider} {ServerVersion}", Latency.TotalMilliseconds)
        : new ComponentHealth(HealthStatus.Unhealthy, $"{Provider}: {Error}", Latency.TotalMilliseconds);
}
