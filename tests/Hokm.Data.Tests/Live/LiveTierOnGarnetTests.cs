using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Data.Tests.Live;

/// <summary>The live-tier contract against embedded Garnet.</summary>
public sealed class LiveTierOnGarnetTests() : LiveTierTests(ServerKind.Garnet);
