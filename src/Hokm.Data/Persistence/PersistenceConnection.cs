using System.Data.Common;
using System.Globalization;
using Hokm.Data.Persistence.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hokm.Data.Persistence;

/// <summary>
/// The resolved persistent store: which provider, its connection settings, and (for PostgreSQL) the
/// one <see cref="NpgsqlDataSource"/> whose pool EF Core and the sink's bulk writes share.
/// </summary>
internal sealed class PersistenceConnection : IAsyncDisposable, IDisposable
{
    private readonly Lazy<NpgsqlDataSource> _dataSource;
    private readonly ILoggerFactory _loggerFactory;
    private int _logged;

    public PersistenceConnection(IOptions<PersistenceOptions> options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Provider = Options.Provider;
        var commandSeconds = (int)Math.Ceiling(Options.CommandTimeout.TotalSeconds);
        if (Provider == PersistenceProvider.PostgreSql)
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse(Options.PostgresConnection!))
            {
                MaxPoolSize = Options.PoolSize,
                CommandTimeout = commandSeconds,
            };
            ConnectionString = builder.ConnectionString;
            Target = $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{builder.Database ?? builder.Username}";
        }
        else
        {
            var path = Path.GetFullPath(Options.SqlitePath ?? Path.Combine("data", "hokm.db"));
            ConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                ForeignKeys = true,
                DefaultTimeout = commandSeconds,
                Pooling = true,
            }.ConnectionString;
            Target = path;
        }

        _dataSource = new Lazy<NpgsqlDataSource>(CreateDataSource, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PersistenceOptions Options { get; }

    public PersistenceProvider Provider { get; }

    /// <summary>The provider's connection string (it may hold a password: never log it).</summary>
    public string ConnectionString { get; }

    /// <summary>Where the store is, for logs: host, port and database, or the SQLite file. No secrets.</summary>
    public string Target { get; }

    public NpgsqlDataSource DataSource => Provider == PersistenceProvider.PostgreSql
        ? _dataSource.Value
        : throw new InvalidOperationException("The persistent tier runs on SQLite; there is no PostgreSQL data source.");

    /// <summary>Opens a connection: from the shared pool on PostgreSQL, a pooled file handle on SQLite.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        LogSelectionOnce();
        if (Provider == PersistenceProvider.PostgreSql)
        {
            return await DataSource.OpenConnectionAsync(cancellationToken);
        }

        EnsureSqliteDirectory();
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Configures a context of either provider; called once per pooled factory.</summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        LogSelectionOnce();
        var commandSeconds = (int)Math.Ceiling(Options.CommandTimeout.TotalSeconds);
        if (Provider == PersistenceProvider.PostgreSql)
        {
            builder.UseNpgsql(DataSource, npgsql => npgsql.CommandTimeout(commandSeconds));
        }
        else
        {
            EnsureSqliteDirectory();
            builder.UseSqlite(ConnectionString, sqlite => sqlite.CommandTimeout(commandSeconds));
        }

        // ENABLE_QUERY_LOGGING: EF logs each command; the option only decides at which level.
        var level = Options.EnableQueryLogging ? LogLevel.Information : LogLevel.Debug;
        builder.ConfigureWarnings(w => w.Log((RelationalEventId.CommandExecuted, level)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated)
        {
            await _dataSource.Value.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (_dataSource.IsValueCreated)
        {
            _dataSource.Value.Dispose();
        }
    }

    private NpgsqlDataSource CreateDataSource()
    {
        var builder = new NpgsqlDataSourceBuilder(ConnectionString);
        builder.UseLoggerFactory(_loggerFactory);
        return builder.Build();
    }

    private void EnsureSqliteDirectory()
    {
        var directory = Path.GetDirectoryName(Target);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    private void LogSelectionOnce()
    {
        if (Interlocked.Exchange(ref _logged, 1) == 0)
        {
            PersistenceLog.Selected(_loggerFactory.CreateLogger<PersistenceConnection>(), Provider, Target);
        }
    }
}
