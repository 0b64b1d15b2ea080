using System.ComponentModel.DataAnnotations;

namespace Hokm.Data.Persistence;

/// <summary>
/// Settings of the persistent tier, bound from <c>HokmData:Persistence</c>. Names follow the
/// original usage guide where it had one (<c>pool_size</c>, <c>ENABLE_QUERY_LOGGING</c>).
/// </summary>
public sealed class PersistenceOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "HokmData:Persistence";

    /// <summary>
    /// PostgreSQL connection: an Npgsql connection string or a URL (<c>postgresql://…</c>,
    /// <c>postgresql+asyncpg://…</c>). Usually set through <c>ConnectionStrings:Postgres</c> or
    /// <c>DATABASE_URL</c>. Empty means "use embedded SQLite".
    /// </summary>
    public string? PostgresConnection { get; set; }

    /// <summary>The SQLite database file when no PostgreSQL is configured; default <c>{HokmData:Embedded:DataDirectory}/hokm.db</c>.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>Most open PostgreSQL connections of this process (the guide's <c>pool_size</c>).</summary>
    [Range(1, 1000)]
    public int PoolSize { get; set; } = 20;

    /// <summary>How long one database command may run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the health probe's <c>SELECT 1</c> may take before the store counts as down.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Log every SQL command at Information (else at Debug); also set by <c>ENABLE_QUERY_LOGGING=true</c>.</summary>
    public bool EnableQueryLogging { get; set; }

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool ApplyMigrationsOnStart { get; set; } = true;

    /// <summary>Which database the settings select.</summary>
    public PersistenceProvider Provider =>
        string.IsNullOrWhiteSpace(PostgresConnection) ? PersistenceProvider.Sqlite : PersistenceProvider.PostgreSql;
}
