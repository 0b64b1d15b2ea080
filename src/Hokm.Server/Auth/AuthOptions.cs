using System.ComponentModel.DataAnnotations;

namespace Hokm.Server.Auth;

/// <summary>Tokens, passwords and sign-in protection, bound from <c>Hokm:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hokm:Auth";

    /// <summary>
    /// The HMAC-SHA256 signing key: at least 32 bytes, as text (its UTF-8 bytes) or as
    /// <c>base64:…</c>. Required in Production with configured servers; otherwise, when empty, a
    /// key is generated once and kept in <c>{HokmData:Embedded:DataDirectory}/signing.key</c>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Whether an empty <see cref="SigningKey"/> may be replaced by a generated, persisted one.
    /// Unset: yes outside Production, and in Production only in embedded mode (no Redis and no
    /// PostgreSQL configured). docker-compose.yml sets it to true so <c>docker compose up</c> works
    /// without a secret; set <c>HOKM_SIGNING_KEY</c> there for anything public.
    /// </summary>
    public bool? AllowGeneratedSigningKey { get; set; }

    /// <summary>The token's <c>iss</c>.</summary>
    [Required]
    public string Issuer { get; set; } = "hokm";

    /// <summary>The token's <c>aud</c>.</summary>
    [Required]
    public string Audience { get; set; } = "hokm";

    /// <summary>How long a token is valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Clock difference tolerated when checking a token's times.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    [Range(1, 1000)]
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Largest request body the auth endpoints read, in bytes.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 4 * 1024;
}
