using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Data.Tests.Live;

/// <summary>Room leases and fenced commits against a three-master Redis Cluster: the lease, fence, room and outbox keys of a room share its slot.</summary>
public sealed class RoomLeaseOnRedisClusterTests() : RoomLeaseTests(ServerKind.RedisCluster);
