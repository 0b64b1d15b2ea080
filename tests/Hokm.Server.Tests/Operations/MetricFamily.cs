namespace Hokm.Server.Tests.Operations;

/// <summary>One metric family: its TYPE, HELP and samples.</summary>
internal sealed class MetricFamily(string name)
{
    public string Name { get; } = name;

    public string? Type { get; set; }

    public string? Help { get; set; }

    public List<MetricSample> Samples { get; } = [];
}
