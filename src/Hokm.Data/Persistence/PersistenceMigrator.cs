using Hokm.Data.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hokm.Data.Persistence;

/// <summary>
/// Brings the database schema up to date with the migrations of the configured provider. The host
/// calls <see cref="MigrateAsync"/> at start when <see cref="PersistenceOptions.ApplyMigrationsOnStart"/>
/// is set. Safe with several nodes starting at once: EF Core takes a database lock while it migrates.
/// </summary>
public sealed class PersistenceMigrator
{
    private readonly PersistenceConnection _connection;
    private readonly IDbContextFactory<HokmDbContext> _contexts;
    private readonly ILogger<PersistenceMigrator> _logger;

    internal PersistenceMigrator(PersistenceConnection connection, IDbContextFactory<HokmDbContext> contexts, ILogger<PersistenceMigrator> logger)
    {
        _connection = connection;
        _contexts = contexts;
        _logger = logger;
    }

    /// <summary>True when the options ask for migrations at start.</summary>
    public bool ApplyOnStart => _connection.Options.ApplyMigrationsOnStart;

    /// <summary>The provider the migrations are for.</summary>
    public PersistenceProvider Provider => _connection.Provider;

    /// <summary>Applies every pending migration; returns the names of those applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await context.Database.MigrateAsync(cancellationToken);
        if (_connection.Provider == PersistenceProvider.Sqlite)
        {
            // WAL lets readers (reports, health) run while the sink writes; the setting lives in the file.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (pending.Count == 0)
        {
            PersistenceLog.SchemaUpToDate(_logger, _connection.Provider);
        }
        else
        {
            PersistenceLog.MigrationsApplied(_logger, pending.Count, _connection.Provider, string.Join(", ", pending));
        }

        return pending;
    }
}
