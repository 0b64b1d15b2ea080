using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Data.Tests.Live;

/// <summary>The live-tier contract against a real redis-server.</summary>
public sealed class LiveTierOnRedisTests() : LiveTierTests(ServerKind.Redis);
