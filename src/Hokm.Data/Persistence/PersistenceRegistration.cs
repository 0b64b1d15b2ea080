using Hokm.Data.Configuration;
using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Persistence.DeadLetters;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Persistence.Sink;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Hokm.Data.Persistence;

/// <summary>Registers the persistent tier; called from <c>AddHokmData</c>.</summary>
internal static class PersistenceRegistration
{
    /// <summary>
    /// Adds the persistent store, its EF Core context factories and the sink, dead-letter, game
    /// and account stores. The PostgreSQL connection comes from <c>HokmData:Persistence:PostgresConnection</c>,
    /// else <c>ConnectionStrings:Postgres</c>, else <c>DATABASE_URL</c>; with none, SQLite at
    /// <c>{HokmData:Embedded:DataDirectory}/hokm.db</c>. Registrations use <c>TryAdd</c>.
    /// </summary>
    public static IServiceCollection AddHokmPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection(PersistenceOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.PostgresConnection))
                {
                    o.PostgresConnection = FirstNonEmpty(configuration.GetConnectionString("Postgres"), configuration["DATABASE_URL"]);
                }

                if (string.IsNullOrWhiteSpace(o.SqlitePath))
                {
                    var embedded = new EmbeddedStoreOptions();
                    configuration.GetSection($"{HybridDataOptions.SectionName}:Embedded").Bind(embedded);
                    o.SqlitePath = Path.Combine(embedded.DataDirectory, "hokm.db");
                }

                if (bool.TryParse(configuration["ENABLE_QUERY_LOGGING"], out var queryLogging) && queryLogging)
                {
                    o.EnableQueryLogging = true;
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.PostgresConnection is null || TryParsePostgres(o.PostgresConnection), "The PostgreSQL connection setting is neither a postgresql:// URL nor an Npgsql connection string with a Host.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PersistenceConnection>();
        services.AddPooledDbContextFactory<PostgresHokmDbContext>(static (sp, b) => sp.GetRequiredService<PersistenceConnection>().Configure(b));
        services.AddPooledDbContextFactory<SqliteHokmDbContext>(static (sp, b) => sp.GetRequiredService<PersistenceConnection>().Configure(b));
        services.TryAddSingleton<IDbContextFactory<HokmDbContext>, HokmDbContextFactory>();
        // Public types with internal constructors (their dependencies are internal): built here.
        services.TryAddSingleton(static sp => new PersistenceMigrator(
            sp.GetRequiredService<PersistenceConnection>(), sp.GetRequiredService<IDbContextFactory<HokmDbContext>>(), sp.GetRequiredService<ILogger<PersistenceMigrator>>()));
        services.TryAddSingleton(static sp => new PersistenceHealthProbe(sp.GetRequiredService<PersistenceConnection>()));
        services.TryAddSingleton<IOutboxSink, OutboxSink>();
        services.TryAddSingleton<IDeadLetterStore, DeadLetterStore>();
        services.TryAddSingleton<IGameStore, GameStore>();
        services.TryAddSingleton<IPlayerAccountStore, PlayerAccountStore>();
        services.TryAddSingleton<Rooms.IPersistentRoomStore, Rooms.PersistentRoomStore>();
        return services;
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(static v => !string.IsNullOrWhiteSpace(v));

    private static bool TryParsePostgres(string value)
    {
        try
        {
            PostgresConnectionStrings.Parse(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
