namespace Hokm.Cli.Load;

/// <summary>One sample line of Prometheus text: <c>name{labels} value</c>.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
