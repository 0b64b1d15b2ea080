using System.ComponentModel.DataAnnotations;

namespace Hokm.Data.Configuration;

/// <summary>
/// Settings of the hybrid data layer, bound from the <c>HokmData</c> configuration section.
/// Names follow the original usage guide (<c>redis_prefix</c>, <c>redis_default_ttl</c>, …).
/// </summary>
public sealed class HybridDataOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "HokmData";

    /// <summary>
    /// Redis connection: a StackExchange.Redis configuration string or a <c>redis://</c> /
    /// <c>rediss://</c> URL. Empty means "run embedded Garnet in-process".
    /// Usually set through <c>ConnectionStrings:Redis</c> or <c>REDIS_URL</c>.
    /// </summary>
    public string? RedisConnection { get; set; }

    /// <summary>Prefix of every key this library writes (the guide's <c>redis_prefix</c>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_:.-]{0,32}$", ErrorMessage = "KeyPrefix may hold only letters, digits and _ : . - (at most 32); never braces.")]
    public string KeyPrefix { get; set; } = "hokm:";

    /// <summary>How long a live room lives in Redis after its last commit (the guide's <c>redis_default_ttl</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "30.00:00:00")]
    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sliding lifetime of a session token.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "30.00:00:00")]
    public TimeSpan SessionTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a player counts as present after their last heartbeat.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan PresenceWindow { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Largest state document one commit may write, in bytes (UTF-8).</summary>
    [Range(256, 16 * 1024 * 1024)]
    public int MaxStateBytes { get; set; } = 64 * 1024;

    /// <summary>Largest single outbox event, in bytes (UTF-8).</summary>
    [Range(64, 1024 * 1024)]
    public int MaxEventBytes { get; set; } = 16 * 1024;

    /// <summary>Most events one commit may append to the outbox.</summary>
    [Range(1, 10_000)]
    public int MaxEventsPerCommit { get; set; } = 256;

    /// <summary>Write mode used when a call does not name one.</summary>
    public WriteMode DefaultWriteMode { get; set; } = WriteMode.WriteBehind;

    /// <summary>Name of this server node (presence records which node a player is connected to).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>Embedded Garnet settings, used when <see cref="RedisConnection"/> is empty.</summary>
    public EmbeddedStoreOptions Embedded { get; set; } = new();
}
