using Hokm.Data.Configuration;
using Hokm.Data.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hokm.Server.Cluster;

/// <summary>
/// Public rooms waiting for players on any node, for quick match across nodes: a sorted set
/// (room code → creation time) in Redis, kept by each room's owner. A hint: a room that filled up or
/// vanished is skipped and dropped by whoever finds it so.
/// </summary>
internal sealed class OpenRoomIndex(IRedisConnection redis, IOptions<HybridDataOptions> data, ILogger<OpenRoomIndex> logger)
{
    private readonly RedisKey _key = data.Value.KeyPrefix + "rooms:open";

    /// <summary>Adds or removes a room (fire-and-forget).</summary>
    public void Set(string room, bool open, DateTimeOffset createdAt) => _ = SetAsync(room, open, createdAt);

    /// <summary>The oldest open rooms, at most <paramref name="count"/>.</summary>
    public async Task<string[]> OldestAsync(int count)
    {
        try
        {
            var db = await redis.GetDatabaseAsync();
            var codes = await db.SortedSetRangeByRankAsync(_key, 0, count - 1);
            return [.. codes.Select(static c => c.ToString())];
        }
        catch (Exception ex) when (ex is RedisException or Hokm.Data.Errors.HybridDataException or TimeoutException)
        {
            ClusterLog.PublishFailed(logger, _key.ToString(), ex);
            return [];
        }
    }

    private async Task SetAsync(string room, bool open, DateTimeOffset createdAt)
    {
        try
        {
            var db = await redis.GetDatabaseAsync();
            if (open)
            {
                _ = db.SortedSetAddAsync(_key, room, createdAt.ToUnixTimeMilliseconds(), CommandFlags.FireAndForget);
            }
            else
            {
                _ = db.SortedSetRemoveAsync(_key, room, CommandFlags.FireAndForget);
            }
        }
        catch (Exception ex) when (ex is RedisException or Hokm.Data.Errors.HybridDataException or TimeoutException)
        {
            ClusterLog.PublishFailed(logger, _key.ToString(), ex);
        }
    }
}
