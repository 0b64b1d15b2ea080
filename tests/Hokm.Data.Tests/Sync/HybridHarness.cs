using Hokm.Data.Live;
using Hokm.Data.Persistence;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Resilience;
using Hokm.Data.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hokm.Data.Tests.Sync;

/// <summary>
/// The whole data layer as a host builds it (<c>AddHokmData</c>), on a real Redis or Garnet and a
/// real PostgreSQL or SQLite file, with short resilience and sync timings so outage tests stay quick.
/// </summary>
internal sealed class HybridHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private HybridHarness(ServiceProvider services, string prefix)
    {
        _services = services;
        Prefix = prefix;
    }

    public string Prefix { get; }

    public IServiceProvider Services => _services;

    public IHybridDataLayer Data => _services.GetRequiredService<IHybridDataLayer>();

    public OutboxDrainer Drainer => _services.GetRequiredService<OutboxDrainer>();

    public StoreResilienceRegistry Resilience => _services.GetRequiredService<StoreResilienceRegistry>();

    public SyncStatus Status => _services.GetRequiredService<SyncStatus>();

    public Hokm.Data.Persistence.Sink.IOutboxSink Sink => _services.GetRequiredService<Hokm.Data.Persistence.Sink.IOutboxSink>();

    public Hokm.Data.Persistence.DeadLetters.IDeadLetterStore DeadLetters => _services.GetRequiredService<Hokm.Data.Persistence.DeadLetters.IDeadLetterStore>();

    /// <param name="redis">Redis/Garnet connection string.</param>
    /// <param name="postgres">Npgsql connection string, or null for a SQLite file at <paramref name="sqlitePath"/>.</param>
    /// <param name="sqlitePath">The SQLite file when <paramref name="postgres"/> is null.</param>
    /// <param name="settings">Overrides.</param>
    /// <param name="configure">Changes to the services after <c>AddHokmData</c> (fault injection).</param>
    /// <param name="prefix">The key prefix; a fresh one when null.</param>
    public static async Task<HybridHarness> CreateAsync(string redis, string? postgres, string? sqlitePath = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string? prefix = null)
    {
        prefix ??= $"t{Guid.NewGuid():N}"[..13] + ":";
        var values = new Dictionary<string, string?>
        {
            ["HokmData:RedisConnection"] = redis,
            ["HokmData:KeyPrefix"] = prefix,
            ["HokmData:NodeId"] = "test-node",
            ["HokmData:Persistence:PostgresConnection"] = postgres,
            ["HokmData:Persistence:SqlitePath"] = sqlitePath,
            ["HokmData:Sync:BatchSize"] = "100",
            ["HokmData:Sync:MaxEntriesPerWrite"] = "40",
            ["HokmData:Sync:Interval"] = "00:00:00.050",
            ["HokmData:Sync:RetryDelay"] = "00:00:00.050",
            ["HokmData:Sync:LeaseTime"] = "00:00:02",
            ["HokmData:Sync:MaxRetryAttempts"] = "3",
            ["HokmData:Resilience:Postgres:FailureThreshold"] = "3",
            ["HokmData:Resilience:Postgres:SamplingDuration"] = "00:00:05",
            ["HokmData:Resilience:Postgres:BreakDuration"] = "00:00:01",
            ["HokmData:Resilience:Postgres:RecoveryAttempts"] = "1",
            ["HokmData:Resilience:Postgres:RetryDelay"] = "00:00:00.020",
            ["HokmData:Resilience:Postgres:Timeout"] = "00:00:03",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection().AddLogging().AddHokmData(configuration);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<PersistenceMigrator>().MigrateAsync();
        return new HybridHarness(services, prefix);
    }

    /// <summary>The hosted services (migrations, sync worker), as the host would run them.</summary>
    public IEnumerable<IHostedService> HostedServices => _services.GetServices<IHostedService>();

    /// <summary>Starts the hosted services in order, as the host does; returns them for <see cref="StopHostedServicesAsync"/>.</summary>
    public async Task<List<IHostedService>> StartHostedServicesAsync()
    {
        var hosted = HostedServices.ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return hosted;
    }

    /// <summary>Stops hosted services in reverse order, as the host does on SIGTERM.</summary>
    public static async Task StopHostedServicesAsync(IEnumerable<IHostedService> hosted)
    {
        foreach (var service in Enumerable.Reverse(hosted.ToList()))
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    public async Task<long> CountMovesAsync(string? gameIdPrefix = null)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<HokmDbContext>>().CreateDbContextAsync();
        return gameIdPrefix is null
            ? await db.Moves.LongCountAsync()
            : await db.Moves.LongCountAsync(m => m.GameId.StartsWith(gameIdPrefix));
    }

    public async Task<List<(string GameId, long Seq)>> ListMoveKeysAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<HokmDbContext>>().CreateDbContextAsync();
        var rows = await db.Moves.Select(m => new { m.GameId, m.Seq }).ToListAsync();
        return rows.Select(r => (r.GameId, r.Seq)).ToList();
    }

    /// <summary>Creates a room and commits <paramref name="moves"/> moves of game <paramref name="gameId"/>, one event each.</summary>
    public async Task PlayAsync(string room, string gameId, int moves, int firstSeq = 1)
    {
        var version = firstSeq == 1 ? (await Data.CreateGameSessionAsync(room, "start")).Version : (await Data.GetGameSessionAsync(room))!.Version;
        for (var seq = firstSeq; seq < firstSeq + moves; seq++)
        {
            var result = await Data.ExecutePlayerMoveAsync(room, version, $"after {seq}", [Move(gameId, seq)]);
            if (!result.Committed)
            {
                throw new InvalidOperationException($"{room} seq {seq}: {result.Status}");
            }

            version = result.Version;
        }
    }

    public static OutboxEvent Move(string gameId, long seq) =>
        OutboxEvents.Move(new MoveRecorded(gameId, seq, 1 + (int)((seq - 1) / 52), 1 + (int)((seq - 1) % 52 / 4), (int)(seq % 4), MoveKind.Play, false, DateTimeOffset.UnixEpoch.AddSeconds(seq), Card: "AS"));

    /// <summary>Drains until the outboxes are empty or the bound is reached.</summary>
    public async Task DrainAllAsync(TimeSpan bound)
    {
        await Drainer.FlushAsync(bound);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
