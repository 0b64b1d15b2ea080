namespace Hokm.Data.Health;

/// <summary>The state of one part of the data layer.</summary>
public enum HealthStatus
{
    /// <summary>Working normally.</summary>
    Healthy,

    /// <summary>Working with reduced guarantees (a fallback is in use, a backlog is growing).</summary>
    Degraded,

    /// <summary>Not working.</summary>
    Unhealthy,
}
