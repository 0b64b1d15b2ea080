using System.ComponentModel.DataAnnotations;

namespace Hokm.Server.Auth;

/// <summary>
/// Per-client-IP limits on the auth endpoints (fixed windows), bound from <c>Hokm:Auth:RateLimit</c>.
/// Over the limit: 429 with <c>Retry-After</c>.
/// </summary>
public sealed class AuthRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hokm:Auth:RateLimit";

    /// <summary>Off: no limit (for load tests from one address).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Register and login requests one IP may make per <see cref="Window"/>.</summary>
    [Range(1, 1_000_000)]
    public int CredentialPermitLimit { get; set; } = 10;

    /// <summary>Guest sign-ins one IP may make per <see cref="Window"/>.</summary>
    [Range(1, 1_000_000)]
    public int GuestPermitLimit { get; set; } = 60;

    /// <summary>The window the limits count in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
