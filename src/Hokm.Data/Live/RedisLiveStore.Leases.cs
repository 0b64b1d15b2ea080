using StackExchange.Redis;
using static Hokm.Data.Redis.RedisCalls;

namespace Hokm.Data.Live;

internal sealed partial class RedisLiveStore
{
    /// <summary>The room's owner lease (<c>node/token</c>, with an expiry), in the room's hash slot.</summary>
    internal RedisKey LeaseKey(string room) => $"{_options.KeyPrefix}{{{room}}}:owner";

    /// <summary>The room's fencing counter, in the room's hash slot.</summary>
    internal RedisKey FenceKey(string room) => $"{_options.KeyPrefix}{{{room}}}:fence";

    /// <summary>The fencing counter lives as long as the room may (it must never restart while a stale owner could still try).</summary>
    private long FenceTtlMilliseconds => (long)_options.DefaultTtl.TotalMilliseconds * 2;

    internal async Task<LeaseAcquisition> AcquireLeaseAsync(string room, string nodeId, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        room = Redis.RedisKeys.NormalizeRoom(room);
        nodeId = NormalizeNode(nodeId);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var raw = await Guard(room, () => db.ScriptEvaluateAsync(
            Scripts.LeaseAcquire,
            [LeaseKey(room), FenceKey(room)],
            [nodeId, LeaseMilliseconds(leaseTime), FenceTtlMilliseconds]));
        var parts = (RedisResult[])raw!;
        var holder = (string)parts[1]!;
        if ((long)parts[0] != 1)
        {
            return new LeaseAcquisition(null, holder);
        }

        var token = long.Parse(holder.AsSpan(holder.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture);
        return new LeaseAcquisition(new RoomLease(room, nodeId, token), holder);
    }

    internal async Task<bool> RenewLeaseAsync(RoomLease lease, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var raw = await Guard(lease.Room, () => db.ScriptEvaluateAsync(
            Scripts.LeaseRenew,
            [LeaseKey(lease.Room), FenceKey(lease.Room)],
            [lease.Value, LeaseMilliseconds(leaseTime), FenceTtlMilliseconds]));
        return (long)raw == 1;
    }

    internal async Task<bool> ReleaseLeaseAsync(RoomLease lease, CancellationToken cancellationToken)
    {
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var raw = await Guard(lease.Room, () => db.ScriptEvaluateAsync(Scripts.LeaseRelease, [LeaseKey(lease.Room)], [lease.Value]));
        return (long)raw == 1;
    }

    internal async Task<string?> GetLeaseHolderAsync(string room, CancellationToken cancellationToken)
    {
        room = Redis.RedisKeys.NormalizeRoom(room);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var value = await Guard(room, () => db.StringGetAsync(LeaseKey(room)));
        return value.IsNull ? null : value.ToString();
    }

    private static long LeaseMilliseconds(TimeSpan leaseTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leaseTime, TimeSpan.FromMilliseconds(100));
        return (long)leaseTime.TotalMilliseconds;
    }

    private static string NormalizeNode(string nodeId)
    {
        if (string.IsNullOrEmpty(nodeId) || nodeId.Length > 64 || nodeId.AsSpan().ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"))
        {
            throw new Errors.InvalidKeyException($"The node id '{nodeId}' is not 1–64 of letters, digits, '_', '.' and '-'.");
        }

        return nodeId;
    }
}
