using System.ComponentModel.DataAnnotations;

namespace Hokm.Data.Resilience;

/// <summary>
/// Retry, timeout and circuit-breaker settings for one store, named after the original guide's
/// <c>CircuitBreakerConfig</c>: <see cref="FailureThreshold"/> (<c>failure_threshold</c>),
/// <see cref="BreakDuration"/> (<c>timeout_seconds</c>) and <see cref="RecoveryAttempts"/>
/// (<c>recovery_attempts</c>).
/// </summary>
public sealed class StoreResilienceOptions
{
    /// <summary>
    /// Failures inside <see cref="SamplingDuration"/> that open the breaker (Polly's minimum
    /// throughput, with every call in the window failing — the guide's "N failures open it").
    /// </summary>
    [Range(2, 1000)]
    public int FailureThreshold { get; set; } = 5;

    /// <summary>Share of failed calls in the window that opens the breaker once the threshold is met.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The window failures are counted in.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the breaker stays open before a trial call (the guide's <c>timeout_seconds</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a failed call, with exponential backoff and jitter (the guide's <c>recovery_attempts</c>).</summary>
    [Range(0, 20)]
    public int RecoveryAttempts { get; set; } = 2;

    /// <summary>First retry delay; each next one is longer by the backoff multiplier.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest time one call may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
