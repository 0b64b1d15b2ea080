namespace Hokm.Data.Health;

/// <summary>Health of one store or of the sync worker.</summary>
/// <param name="Status">Healthy, degraded or unhealthy.</param>
/// <param name="Description">What was seen (server kind and version, or the error).</param>
/// <param name="LatencyMilliseconds">Round trip of the probe, when one was made.</param>
public sealed record ComponentHealth(HealthStatus Status, string Description, double? LatencyMilliseconds = null);
