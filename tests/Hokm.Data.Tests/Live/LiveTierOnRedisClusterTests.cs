using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Data.Tests.Live;

/// <summary>The live-tier contract against a three-master Redis Cluster (redis-cli --cluster create on loopback).</summary>
public sealed class LiveTierOnRedisClusterTests() : LiveTierTests(ServerKind.RedisCluster);
