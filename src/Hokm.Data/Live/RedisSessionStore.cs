using System.Globalization;
using Hokm.Data.Configuration;
using Hokm.Data.Errors;
using Hokm.Data.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using static Hokm.Data.Redis.RedisCalls;

namespace Hokm.Data.Live;

/// <summary>Sessions and presence on Redis or Garnet.</summary>
internal sealed class RedisSessionStore(IRedisConnection connection, IOptions<HybridDataOptions> options, TimeProvider time) : ISessionStore
{
    private static readonly RedisValue[] PresenceFields = ["node", "seen"];

    private readonly HybridDataOptions _options = options.Value;
    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);

    public async Task CreateSessionAsync(string token, string playerId, CancellationToken cancellationToken = default)
    {
        ValidateToken(token);
        playerId = RedisKeys.NormalizeId(playerId, "player id");
        var db = await connection.GetDatabaseAsync(cancellationToken);
        await Guard("session", () => db.StringSetAsync(_keys.Session(token), playerId, _options.SessionTtl));
    }

    public async Task<string?> GetSessionAsync(string token, CancellationToken cancellationToken = default)
    {
        ValidateToken(token);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var result = await Guard("session", () => db.ScriptEvaluateAsync(
            RedisLiveStore.Scripts.TouchSession,
            [_keys.Session(token)],
            [(long)_options.SessionTtl.TotalMilliseconds]));
        return result.IsNull ? null : (string?)result;
    }

    public async Task RemoveSessionAsync(string token, CancellationToken cancellationToken = default)
    {
        ValidateToken(token);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        await Guard("session", () => db.KeyDeleteAsync(_keys.Session(token)));
    }

    public async Task MarkConnectedAsync(string playerId, CancellationToken cancellationToken = default)
    {
        playerId = RedisKeys.NormalizeId(playerId, "player id");
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var key = _keys.Presence(playerId);
        await Guard("session", () => Task.WhenAll(
            db.HashSetAsync(key, [new HashEntry("node", _options.NodeId), new HashEntry("seen", now)]),
            db.KeyExpireAsync(key, _options.PresenceWindow),
            db.SortedSetAddAsync(_keys.OnlinePlayers, playerId, now)));
    }

    public async Task MarkDisconnectedAsync(string playerId, CancellationToken cancellationToken = default)
    {
        playerId = RedisKeys.NormalizeId(playerId, "player id");
        var db = await connection.GetDatabaseAsync(cancellationToken);
        await Guard("session", () => Task.WhenAll(
            db.KeyDeleteAsync(_keys.Presence(playerId)),
            db.SortedSetRemoveAsync(_keys.OnlinePlayers, playerId)));
    }

    public async Task<PlayerPresence?> GetPresenceAsync(string playerId, CancellationToken cancellationToken = default)
    {
        playerId = RedisKeys.NormalizeId(playerId, "player id");
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var values = await Guard("session", () => db.HashGetAsync(_keys.Presence(playerId), PresenceFields));
        if (values[0].IsNull)
        {
            return null;
        }

        if (!long.TryParse(values[1].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
        {
            throw new CorruptedDataException($"The presence of player {playerId} is not in the shape this library writes.");
        }

        return new PlayerPresence(playerId, values[0].ToString(), DateTimeOffset.FromUnixTimeMilliseconds(seen));
    }

    public async Task<long> GetConcurrentPlayerCountAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var cutoff = (time.GetUtcNow() - _options.PresenceWindow).ToUnixTimeMilliseconds();

        // Heartbeats older than the window are stale whichever node wrote them: prune, then count.
        return await Guard("presence", async () =>
        {
            await db.SortedSetRemoveRangeByScoreAsync(_keys.OnlinePlayers, double.NegativeInfinity, cutoff, Exclude.Stop);
            return await db.SortedSetLengthAsync(_keys.OnlinePlayers);
        });
    }

    private static void ValidateToken(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            throw new InvalidKeyException("A session token must have 1–4096 characters.");
        }
    }
}
