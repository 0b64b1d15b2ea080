namespace Hokm.Cli.Load;

/// <summary>What the server's <c>/metrics</c> said: sampled during the run and read at the end. Null where a metric was missing.</summary>
internal sealed record ServerSnapshot
{
    public required int Scrapes { get; init; }

    public string? SyncLagMetric { get; init; }

    /// <summary>Sync lag in milliseconds over the samples taken during the run.</summary>
    public Percentiles? SyncLagMs { get; init; }

    public string? MemoryMetric { get; init; }

    /// <summary>Process memory before the bots connected.</summary>
    public double? MemoryBaselineBytes { get; init; }

    /// <summary>Highest process memory sampled during the run.</summary>
    public double? MemoryPeakBytes { get; init; }

    /// <summary>Players connected on the server when memory peaked (or the bots' own socket count).</summary>
    public double? PlayersAtPeak { get; init; }

    /// <summary>Most players connected in any sample.</summary>
    public double? MostPlayers { get; init; }

    /// <summary>Process memory in the (latest) sample with the most players.</summary>
    public double? MemoryAtMostPlayersBytes { get; init; }

    /// <summary>(memory at most players − baseline) / most players.</summary>
    public double? BytesPerPlayer { get; init; }

    public string? GcHeapMetric { get; init; }

    public double? GcHeapPeakBytes { get; init; }

    /// <summary>Every sample of the last scrape whose name mentions lag, memory or the hokm meters (sum over labels).</summary>
    public required IReadOnlyDictionary<string, double> Final { get; init; }
}
