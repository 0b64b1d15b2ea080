using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Data.Tests.Live;

/// <summary>Room leases against a real redis-server.</summary>
public sealed class RoomLeaseOnRedisTests() : RoomLeaseTests(ServerKind.Redis);
