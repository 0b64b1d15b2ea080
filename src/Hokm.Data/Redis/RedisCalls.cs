using Hokm.Data.Errors;
using StackExchange.Redis;

namespace Hokm.Data.Redis;

/// <summary>Maps StackExchange.Redis failures onto the data layer's typed errors.</summary>
internal static class RedisCalls
{
    public static async Task<T> Guard<T>(string owner, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            throw new StoreUnavailableException("redis", $"Redis could not be reached for {owner}: {ex.Message}", ex);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal))
        {
            throw new CorruptedDataException($"A key of {owner} holds the wrong kind of value: {ex.Message}");
        }
    }

    public static Task Guard(string owner, Func<Task> call) => Guard(owner, async () =>
    {
        await call();
        return true;
    });
}
