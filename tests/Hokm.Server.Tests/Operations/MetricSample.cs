namespace Hokm.Server.Tests.Operations;

/// <summary>One sample line.</summary>
internal sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
