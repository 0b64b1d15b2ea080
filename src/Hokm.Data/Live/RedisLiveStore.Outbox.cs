using System.Globalization;
using Hokm.Data.Redis;
using StackExchange.Redis;
using static Hokm.Data.Redis.RedisCalls;

namespace Hokm.Data.Live;

internal sealed partial class RedisLiveStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetPendingRoomsAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var rooms = await Guard("outbox index", () => db.SetRandomMembersAsync(_keys.OutboxPending, max));
        var result = new List<string>(rooms.Length);
        foreach (var room in rooms)
        {
            result.Add(room.ToString());
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<int> ReindexPendingRoomsAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var pattern = _options.KeyPrefix + "{*}:outbox";
        var added = 0;
        foreach (var endpoint in db.Multiplexer.GetEndPoints())
        {
            var server = db.Multiplexer.GetServer(endpoint);
            if (!server.IsConnected || server.IsReplica)
            {
                continue;
            }

            await foreach (var key in server.KeysAsync(db.Database, pattern, pageSize: 500).WithCancellation(cancellationToken))
            {
                var text = key.ToString();
                var open = text.IndexOf('{', StringComparison.Ordinal);
                var close = text.IndexOf('}', open + 1);
                if (open < 0 || close < 0)
                {
                    continue;
                }

                var room = text[(open + 1)..close];
                if (await db.ListLengthAsync(key) > 0 && await db.SetAddAsync(_keys.OutboxPending, room))
                {
                    added++;
                }
            }
        }

        return added;
    }

    /// <inheritdoc />
    public async Task<OutboxBatch> LeaseAsync(string room, string consumerId, int maxEntries, TimeSpan leaseTime, CancellationToken cancellationToken = default)
    {
        room = RedisKeys.NormalizeRoom(room);
        consumerId = RedisKeys.NormalizeId(consumerId, "consumer id");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(leaseTime, TimeSpan.FromMilliseconds(10));
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var raw = await Guard(room, () => db.ScriptEvaluateAsync(
            Scripts.Lease,
            [_keys.OutboxLease(room), _keys.Outbox(room)],
            [consumerId, (long)leaseTime.TotalMilliseconds, maxEntries]));
        var parts = (RedisResult[])raw!;
        if ((int)parts[0] == 0)
        {
            return new OutboxBatch(room, false, []);
        }

        var entries = new OutboxEntry[parts.Length - 1];
        for (var i = 1; i < parts.Length; i++)
        {
            entries[i - 1] = ParseEntry(room, (string?)parts[i] ?? string.Empty);
        }

        return new OutboxBatch(room, true, entries);
    }

    /// <inheritdoc />
    public async Task<OutboxAck> AcknowledgeAsync(string room, string consumerId, long upToSequence, bool release, CancellationToken cancellationToken = default)
    {
        room = RedisKeys.NormalizeRoom(room);
        consumerId = RedisKeys.NormalizeId(consumerId, "consumer id");
        ArgumentOutOfRangeException.ThrowIfNegative(upToSequence);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var raw = await Guard(room, () => db.ScriptEvaluateAsync(
            Scripts.Ack,
            [_keys.OutboxLease(room), _keys.Outbox(room)],
            [consumerId, upToSequence, release ? 1 : 0]));
        var parts = (RedisResult[])raw!;
        var removed = (long)parts[0];
        var remaining = (long)parts[1];
        if (removed < 0)
        {
            return new OutboxAck(false, 0, remaining);
        }

        if (remaining == 0)
        {
            // Leave the hint only after seeing the outbox empty; a commit racing with this either
            // lands before LLEN (so the check below sees it) or re-adds the hint after the SREM.
            await Guard(room, () => db.SetRemoveAsync(_keys.OutboxPending, room));
            if (await Guard(room, () => db.ListLengthAsync(_keys.Outbox(room))) > 0)
            {
                await Guard(room, () => db.SetAddAsync(_keys.OutboxPending, room));
                remaining = 1;
            }
        }

        return new OutboxAck(true, removed, remaining);
    }

    /// <inheritdoc />
    public async Task<long> GetDepthAsync(string room, CancellationToken cancellationToken = default)
    {
        room = RedisKeys.NormalizeRoom(room);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        return await Guard(room, () => db.ListLengthAsync(_keys.Outbox(room)));
    }

    /// <summary>What the consistency check needs to know of one room's outbox: depth, oldest entry, indexed or not.</summary>
    internal async Task<(long Depth, OutboxEntry? Oldest, bool Indexed)> InspectOutboxAsync(string room, CancellationToken cancellationToken = default)
    {
        room = RedisKeys.NormalizeRoom(room);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var depth = db.ListLengthAsync(_keys.Outbox(room));
        var head = db.ListGetByIndexAsync(_keys.Outbox(room), 0);
        var indexed = db.SetContainsAsync(_keys.OutboxPending, room);
        await Guard(room, () => Task.WhenAll(depth, head, indexed));
        var oldest = (await head).IsNull ? null : ParseEntry(room, (await head).ToString());
        return (await depth, oldest, await indexed);
    }

    /// <summary>The most recently committed rooms (newest first).</summary>
    internal async Task<IReadOnlyList<string>> RecentRoomsAsync(int max, CancellationToken cancellationToken = default)
    {
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var rooms = await Guard("active rooms", () => db.SortedSetRangeByRankAsync(_keys.ActiveRooms, 0, max - 1, Order.Descending));
        return rooms.Select(static r => r.ToString()).ToList();
    }

    /// <summary>Parses <c>seq|at|type|payload</c>; anything else comes back flagged as corrupted.</summary>
    internal static OutboxEntry ParseEntry(string room, string raw)
    {
        var span = raw.AsSpan();
        var first = span.IndexOf('|');
        if (first > 0)
        {
            var rest = span[(first + 1)..];
            var second = rest.IndexOf('|');
            if (second > 0)
            {
                var afterAt = rest[(second + 1)..];
                var third = afterAt.IndexOf('|');
                if (third > 0
                    && long.TryParse(span[..first], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                    && long.TryParse(rest[..second], NumberStyles.None, CultureInfo.InvariantCulture, out var at))
                {
                    return new OutboxEntry(room, seq, afterAt[..third].ToString(), DateTimeOffset.FromUnixTimeMilliseconds(at), afterAt[(third + 1)..].ToString());
                }
            }
        }

        return new OutboxEntry(room, -1, string.Empty, DateTimeOffset.UnixEpoch, raw);
    }
}
