using Hokm.Data.Diagnostics;
using Hokm.Data.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hokm.Data.Resilience;

/// <summary>The named pipelines of the data layer: one per store.</summary>
public sealed class StoreResilienceRegistry
{
    /// <summary>Builds both pipelines from <see cref="ResilienceOptions"/>.</summary>
    public StoreResilienceRegistry(IOptions<ResilienceOptions> options, TimeProvider time, HybridDataMetrics metrics, ILogger<StoreResilienceRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Redis = new StoreResilience("redis", options.Value.Redis, IsRedisFailure, time, metrics, logger);
        Postgres = new StoreResilience("postgresql", options.Value.Postgres, IsPostgresFailure, time, metrics, logger);
    }

    /// <summary>The pipeline around Redis (or Garnet).</summary>
    public StoreResilience Redis { get; }

    /// <summary>The pipeline around PostgreSQL (or SQLite).</summary>
    public StoreResilience Postgres { get; }

    private static bool IsRedisFailure(Exception ex) =>
        ex is RedisConnectionException or RedisTimeoutException or StoreUnavailableException or TimeoutException;

    // The persistent store's contract: anything it throws (rather than reporting per entry) is the
    // store's failure, not the data's — connections, timeouts, disk, a server shutting down.
    private static bool IsPostgresFailure(Exception ex) =>
        ex is not (OperationCanceledException or ArgumentException or InvalidOperationException { Source: "Microsoft.EntityFrameworkCore" } or HybridDataException { Code: not "unavailable" });
}
