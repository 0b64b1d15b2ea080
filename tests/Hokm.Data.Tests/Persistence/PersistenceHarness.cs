using Hokm.Data.Persistence;
using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Persistence.DeadLetters;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Persistence.Sink;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Data.Tests.Persistence;

/// <summary>
/// The persistent tier built the way a host builds it (<c>AddHokmPersistence</c> over configuration),
/// on a database of its own, migrated.
/// </summary>
internal sealed class PersistenceHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly string? _directory;

    private PersistenceHarness(ServiceProvider services, ManualTimeProvider time, string? directory)
    {
        _services = services;
        _directory = directory;
        Time = time;
    }

    public IServiceProvider Services => _services;

    public ManualTimeProvider Time { get; }

    public IOutboxSink Sink => _services.GetRequiredService<IOutboxSink>();

    public IDeadLetterStore DeadLetters => _services.GetRequiredService<IDeadLetterStore>();

    public IGameStore Games => _services.GetRequiredService<IGameStore>();

    public IPlayerAccountStore Accounts => _services.GetRequiredService<IPlayerAccountStore>();

    public PersistenceMigrator Migrator => _services.GetRequiredService<PersistenceMigrator>();

    public static Task<PersistenceHarness> CreateAsync(PersistenceProvider provider, bool migrate = true) => provider switch
    {
        PersistenceProvider.PostgreSql => CreatePostgresAsync(migrate),
        _ => CreateSqliteAsync(migrate),
    };

    public static async Task<PersistenceHarness> CreatePostgresAsync(bool migrate = true)
    {
        var server = await Infrastructure.TestServers.GetPostgresAsync();
        var connectionString = await server.CreateDatabaseAsync();
        return await CreateAsync(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString }, null, migrate);
    }

    public static async Task<PersistenceHarness> CreateSqliteAsync(bool migrate = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "hokm-persistence-tests", Guid.NewGuid().ToString("N")[..12]);
        return await CreateAsync(new Dictionary<string, string?> { ["HokmData:Embedded:DataDirectory"] = directory }, directory, migrate);
    }

    public static async Task<PersistenceHarness> CreateAsync(IDictionary<string, string?> settings, string? directory, bool migrate)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var time = new ManualTimeProvider(Start);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddHokmPersistence(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var harness = new PersistenceHarness(services, time, directory);
        if (migrate)
        {
            await harness.Migrator.MigrateAsync();
        }

        return harness;
    }

    public HokmDbContext CreateContext() => _services.GetRequiredService<IDbContextFactory<HokmDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_directory is not null)
        {
            // SQLite keeps pooled handles open until the pool is cleared; then the folder can go.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
