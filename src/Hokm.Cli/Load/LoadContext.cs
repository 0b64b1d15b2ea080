namespace Hokm.Cli.Load;

/// <summary>What every table and bot of a run shares.</summary>
internal sealed record LoadContext(LoadSettings Settings, LoadMetrics Metrics, TimeProvider Time, HttpClient Http);
