using System.Text.Json;
using Hokm.Data.Configuration;
using Hokm.Data.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hokm.Server.Cluster;

/// <summary>
/// Redis pub/sub between nodes, two channels per room in the room's hash slot: <c>{ROOM}:cmd</c>
/// (to the owner) and <c>{ROOM}:evt</c> (from the owner). Messages of one channel are handled in
/// order, one at a time. Publishing is fire-and-forget on the one multiplexer, which keeps the order.
/// </summary>
internal sealed class RoomBus(IRedisConnection redis, IOptions<HybridDataOptions> data, ILogger<RoomBus> logger)
{
    private readonly string _prefix = data.Value.KeyPrefix;

    public RedisChannel CommandChannel(string room) => RedisChannel.Literal($"{_prefix}{{{room}}}:cmd");

    public RedisChannel EventChannel(string room) => RedisChannel.Literal($"{_prefix}{{{room}}}:evt");

    /// <summary>Subscribes; <paramref name="handler"/> sees the channel's messages in order. Dispose the result to unsubscribe.</summary>
    public async Task<IAsyncDisposable> SubscribeAsync(RedisChannel channel, Func<BusMessage, Task> handler)
    {
        var subscriber = (await redis.GetDatabaseAsync()).Multiplexer.GetSubscriber();
        var queue = await subscriber.SubscribeAsync(channel);
        queue.OnMessage(async message =>
        {
            BusMessage? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize((string)message.Message!, ClusterJsonContext.Default.BusMessage);
            }
            catch (JsonException ex)
            {
                ClusterLog.BadMessage(logger, channel.ToString(), ex);
                return;
            }

            if (parsed is null)
            {
                return;
            }

            try
            {
                await handler(parsed);
            }
            catch (Exception ex)
            {
                ClusterLog.HandlerFailed(logger, channel.ToString(), parsed.Kind, ex);
            }
        });
        return new Subscription(queue);
    }

    /// <summary>Publishes and returns how many subscribers received it (0: nobody listens).</summary>
    public async Task<long> PublishAsync(RedisChannel channel, BusMessage message)
    {
        var subscriber = (await redis.GetDatabaseAsync()).Multiplexer.GetSubscriber();
        return await subscriber.PublishAsync(channel, Serialize(message));
    }

    /// <summary>Publishes without waiting (in order with the other messages of this node).</summary>
    public void Post(RedisChannel channel, BusMessage message)
    {
        var database = redis.GetDatabaseAsync();
        if (database.IsCompletedSuccessfully)
        {
            // Already connected (the usual case): read the finished ValueTask, nothing waits.
            Send(database.GetAwaiter().GetResult(), channel, message);
        }
        else
        {
            _ = PostLaterAsync(database, channel, message);
        }
    }

    private async Task PostLaterAsync(ValueTask<IDatabase> database, RedisChannel channel, BusMessage message)
    {
        try
        {
            Send(await database, channel, message);
        }
        catch (Exception ex) when (ex is RedisException or Hokm.Data.Errors.HybridDataException or TimeoutException)
        {
            ClusterLog.PublishFailed(logger, channel.ToString(), ex);
        }
    }

    private void Send(IDatabase database, RedisChannel channel, BusMessage message)
    {
        try
        {
            database.Multiplexer.GetSubscriber().Publish(channel, Serialize(message), CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            ClusterLog.PublishFailed(logger, channel.ToString(), ex);
        }
    }

    private static string Serialize(BusMessage message) => JsonSerializer.Serialize(message, ClusterJsonContext.Default.BusMessage);

    private sealed class Subscription(ChannelMessageQueue queue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await queue.UnsubscribeAsync();
            }
            catch (RedisException)
            {
                // The connection is gone: so is the subscription.
            }
        }
    }
}
