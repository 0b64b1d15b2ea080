using StackExchange.Redis;

namespace Hokm.Data.Redis;

/// <summary>The one Redis connection of the process: a configured server, or embedded Garnet.</summary>
public interface IRedisConnection
{
    /// <summary>Which kind of server answers.</summary>
    RedisServerKind Kind { get; }

    /// <summary>The database to use; connects (and starts embedded Garnet) on first use.</summary>
    ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken = default);
}
