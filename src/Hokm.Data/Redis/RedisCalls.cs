using Hokm.Data.Errors;
using StackExchange.Redis;

namespace Hokm.Data.Redis;

/// <summary>Maps StackExchange.Redis failures onto the data layer's typed errors.</summary>
internal static class RedisCalls
{
    /// <summary>
    /// Error replies that mean "not now" rather than "wrong": a Redis Cluster whose slot has no
    /// reachable master (<c>CLUSTERDOWN</c>), a multi-key command during a slot migration (<c>TRYAGAIN</c>),
    /// a replica cut off from its master (<c>MASTERDOWN</c>), a write reaching a replica right after a
    /// failover (<c>READONLY</c>), a server still replaying its AOF (<c>LOADING</c>).
    /// </summary>
    private static readonly string[] UnavailableReplies = ["CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "READONLY", "LOADING"];

    /// <summary>
    /// True when <paramref name="ex"/> says Redis cannot serve the call now (unreachable, timed out, or one
    /// of the error replies above): an outage for the breaker and the fallbacks, not a bug or bad data.
    /// </summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException server => Array.Exists(UnavailableReplies, prefix => server.Message.StartsWith(prefix, StringComparison.Ordinal)),
        _ => false,
    };

    public static async Task<T> Guard<T>(string owner, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsUnavailable(ex))
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
