namespace Hokm.Data.Resilience;

/// <summary>Resilience settings per store, bound from <c>HokmData:Resilience</c>.</summary>
public sealed class ResilienceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HokmData:Resilience";

    /// <summary>Redis: fails fast (no retries on the move path), breaker after 5 failures, 5 s open (the guide: threshold 5, 30 s).</summary>
    public StoreResilienceOptions Redis { get; set; } = new() { FailureThreshold = 5, BreakDuration = TimeSpan.FromSeconds(5), RecoveryAttempts = 0, Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>PostgreSQL: 2 retries with backoff, breaker after 3 failures, 5 s open (the guide: threshold 3, 60 s, 5 recovery attempts).</summary>
    public StoreResilienceOptions Postgres { get; set; } = new() { FailureThreshold = 3, BreakDuration = TimeSpan.FromSeconds(5), RecoveryAttempts = 2, Timeout = TimeSpan.FromSeconds(10) };
}
