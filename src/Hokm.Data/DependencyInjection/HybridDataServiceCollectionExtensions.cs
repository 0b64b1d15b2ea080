using Hokm.Data;
using Hokm.Data.Configuration;
using Hokm.Data.Diagnostics;
using Hokm.Data.Live;
using Hokm.Data.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Registration lives in the DI namespace so that hosts find it without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the hybrid data library.</summary>
public static class HybridDataServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IHybridDataLayer"/> and its stores. Options come from the <c>HokmData</c>
    /// section; the Redis connection from <c>HokmData:RedisConnection</c>, else
    /// <c>ConnectionStrings:Redis</c>, else <c>REDIS_URL</c>; with none, embedded Garnet runs
    /// in-process. Bad settings fail at start with a clear message. Every registration uses
    /// <c>TryAdd</c>, so a host can replace a part before or after calling this.
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

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HybridDataMetrics>();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<IRedisConnection>(sp => sp.GetRequiredService<RedisConnection>());
        services.TryAddSingleton<RedisLiveStore>();
        services.TryAddSingleton<ILiveRoomStore>(sp => sp.GetRequiredService<RedisLiveStore>());
        services.TryAddSingleton<IOutboxConsumer>(sp => sp.GetRequiredService<RedisLiveStore>());
        services.TryAddSingleton<ISessionStore, RedisSessionStore>();
        services.TryAddSingleton<IHybridDataLayer, HybridDataLayer>();
        return services;
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(static v => !string.IsNullOrWhiteSpace(v));

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
