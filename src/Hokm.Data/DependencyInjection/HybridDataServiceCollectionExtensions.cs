using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hokm.Data;
using Hokm.Data.Configuration;
using Hokm.Data.Diagnostics;
using Hokm.Data.Live;
using Hokm.Data.Persistence;
using Hokm.Data.Persistence.DeadLetters;
using Hokm.Data.Persistence.Sink;
using Hokm.Data.Redis;
using Hokm.Data.Resilience;
using Hokm.Data.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Registration lives in the DI namespace so that hosts find it without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the hybrid data library.</summary>
public static class HybridDataServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IHybridDataLayer"/>, both tiers, the resilience pipelines and the sync worker.
    /// Options come from the <c>HokmData</c> section. Redis: <c>HokmData:RedisConnection</c>, else
    /// <c>ConnectionStrings:Redis</c>, else <c>REDIS_URL</c>; with none, embedded Garnet runs
    /// in-process. PostgreSQL: <c>HokmData:Persistence:PostgresConnection</c>, else
    /// <c>ConnectionStrings:Postgres</c>, else <c>DATABASE_URL</c>; with none, SQLite. Bad settings
    /// fail at start with a clear message. Registrations use <c>TryAdd</c>, so a host can replace a
    /// part before calling this.
    /// </summary>
    public static IServiceCollection AddHokmData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<HybridDataOptions>()
            .Bind(configuration.GetSection(HybridDataOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.RedisConnection))
                {
                    o.RedisConnection = FirstNonEmpty(configuration.GetConnectionString("Redis"), configuration["REDIS_URL"]);
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.RedisConnection is null || TryParseRedis(o.RedisConnection), "The Redis connection setting is neither a redis:// URL nor a StackExchange.Redis configuration string.")
            .ValidateOnStart();
        services.AddOptions<ResilienceOptions>()
            .Bind(configuration.GetSection(ResilienceOptions.SectionName))
            .Validate(o => IsValid(o.Redis) && IsValid(o.Postgres), "HokmData:Resilience has a value out of range (see StoreResilienceOptions).")
            .ValidateOnStart();
        services.AddOptions<SyncOptions>()
            .Bind(configuration.GetSection(SyncOptions.SectionName))
            .PostConfigure(o =>
            {
                if (int.TryParse(configuration["SYNC_BATCH_SIZE"], NumberStyles.None, CultureInfo.InvariantCulture, out var batch))
                {
                    o.BatchSize = batch;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HybridDataMetrics>();
        services.TryAddSingleton<StoreResilienceRegistry>();

        // Live tier.
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<IRedisConnection>(sp => sp.GetRequiredService<RedisConnection>());
        services.TryAddSingleton<RedisLiveStore>();
        services.TryAddSingleton<ILiveRoomStore>(sp => sp.GetRequiredService<RedisLiveStore>());
        services.TryAddSingleton<IOutboxConsumer>(sp => sp.GetRequiredService<RedisLiveStore>());
        services.TryAddSingleton<ISessionStore, RedisSessionStore>();
        services.TryAddSingleton<RoomStateCache>();
        services.TryAddSingleton<HybridRoomCommitter>();
        services.TryAddSingleton<IRoomLeaseStore, RoomLeaseStore>();
        services.TryAddSingleton<RedisRehydrator>();

        // Persistent tier and the worker between them.
        services.AddHokmPersistence(configuration);
        services.AddHokmStats(configuration);
        services.TryAddSingleton<SyncStatus>();
        services.TryAddSingleton(static sp => new OutboxDrainer(
            sp.GetRequiredService<IOutboxConsumer>(),
            sp.GetRequiredService<IOutboxSink>(),
            sp.GetRequiredService<IDeadLetterStore>(),
            sp.GetRequiredService<StoreResilienceRegistry>(),
            sp.GetRequiredService<IOptions<SyncOptions>>(),
            sp.GetRequiredService<SyncStatus>(),
            sp.GetRequiredService<HybridDataMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxDrainer>>()));
        services.TryAddSingleton<SyncTaskQueue>();
        services.TryAddSingleton<Hokm.Data.Consistency.ConsistencyChecker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PersistenceStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxSyncWorker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisRehydrator>(static sp => sp.GetRequiredService<RedisRehydrator>()));

        services.TryAddSingleton<IHybridDataLayer, HybridDataLayer>();
        return services;
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(static v => !string.IsNullOrWhiteSpace(v));

    private static bool IsValid(object options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true);

    private static bool TryParseRedis(string value)
    {
        try
        {
            RedisConnectionStrings.Parse(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
