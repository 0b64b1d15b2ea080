using Hokm.Data.Configuration;
using Microsoft.Extensions.Options;

namespace Hokm.Data.Live;

/// <summary>The room leases and leased commits on Redis (see <see cref="IRoomLeaseStore"/>).</summary>
internal sealed class RoomLeaseStore(RedisLiveStore redis, HybridRoomCommitter committer, IOptions<HybridDataOptions> options) : IRoomLeaseStore
{
    public Task<LeaseAcquisition> AcquireAsync(string room, string nodeId, TimeSpan leaseTime, CancellationToken cancellationToken = default) =>
        redis.AcquireLeaseAsync(room, nodeId, leaseTime, cancellationToken);

    public Task<bool> RenewAsync(RoomLease lease, TimeSpan leaseTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return redis.RenewLeaseAsync(lease, leaseTime, cancellationToken);
    }

    public Task<bool> ReleaseAsync(RoomLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return redis.ReleaseLeaseAsync(lease, cancellationToken);
    }

    public Task<string?> GetHolderAsync(string room, CancellationToken cancellationToken = default) =>
        redis.GetLeaseHolderAsync(room, cancellationToken);

    public Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, RoomLease? lease, CancellationToken cancellationToken = default) =>
        committer.CommitAsync(room, expectedVersion, document, events, options.Value.DefaultWriteMode, lease, cancellationToken);
}
