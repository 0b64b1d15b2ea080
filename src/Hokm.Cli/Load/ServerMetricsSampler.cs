namespace Hokm.Cli.Load;

/// <summary>
/// Scrapes the server's <c>/metrics</c> (Prometheus text) during the run: sync lag samples, process
/// memory and connected players. Metric names are looked up tolerantly; missing ones stay null.
/// </summary>
internal sealed class ServerMetricsSampler(LoadContext context)
{
    internal static readonly string[] SyncLagNames = ["hokm_data_sync_lag_current_seconds", "hokm_data_sync_lag_seconds"];
    internal static readonly string[] MemoryNames = ["dotnet_process_memory_working_set_bytes", "process_memory_usage_bytes", "process_working_set_bytes", "process_resident_memory_bytes"];
    internal static readonly string[] PlayerNames = ["hokm_players_connected", "hokm_players_connected_total", "hokm_sockets_open", "hokm_sockets_open_total"];
    internal static readonly string[] GcHeapNames = ["dotnet_gc_last_collection_heap_size_bytes"];

    private readonly Lock _lock = new();
    private int _scrapes;
    private string? _lagName;
    private string? _memoryName;
    private double? _baseline;
    private double? _peak;
    private double? _playersAtPeak;
    private double? _gcPeak;
    private double? _mostPlayers;
    private double? _memoryAtMostPlayers;
    private IReadOnlyList<PrometheusSample> _last = [];

    /// <summary>Reads process memory before the bots connect.</summary>
    public async Task BaselineAsync(CancellationToken cancellationToken)
    {
        var samples = await ScrapeAsync(cancellationToken);
        if (samples is not null && Sum(samples, MemoryNames) is { } memory)
        {
            lock (_lock)
            {
                _baseline = memory.Value;
            }
        }
    }

    /// <summary>Samples every <paramref name="interval"/> until <paramref name="stop"/>.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, context.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await SampleAsync(stop);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the run.
        }
    }

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var samples = await ScrapeAsync(cancellationToken);
        if (samples is null)
        {
            return;
        }

        lock (_lock)
        {
            _last = samples;
            if (Sum(samples, SyncLagNames) is { } lag)
            {
                _lagName = lag.Name;
                context.Metrics.SyncLag.RecordMicroseconds((long)(lag.Value * 1_000_000));
            }

            if (Sum(samples, MemoryNames) is { } memory)
            {
                _memoryName = memory.Name;
                var players = Sum(samples, PlayerNames)?.Value ?? context.Metrics.SocketsOpen;
                if (_peak is null || memory.Value > _peak)
                {
                    _peak = memory.Value;
                    _playersAtPeak = players;
                }

                // Per-player memory is taken where the most players were connected (the latest such sample).
                if (players > 0 && (_mostPlayers is null || players >= _mostPlayers))
                {
                    _mostPlayers = players;
                    _memoryAtMostPlayers = memory.Value;
                }
            }

            if (Sum(samples, GcHeapNames) is { } heap && (_gcPeak is null || heap.Value > _gcPeak))
            {
                _gcPeak = heap.Value;
            }
        }
    }

    public ServerSnapshot Snapshot()
    {
        lock (_lock)
        {
            double? perPlayer = _memoryAtMostPlayers is { } memory && _baseline is { } baseline && _mostPlayers is { } players
                ? (memory - baseline) / players
                : null;
            var final = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var sample in _last)
            {
                if (sample.Name.StartsWith("hokm_", StringComparison.Ordinal) || sample.Name.Contains("memory", StringComparison.Ordinal) || sample.Name.Contains("lag", StringComparison.Ordinal))
                {
                    final[sample.Name] = final.GetValueOrDefault(sample.Name) + (double.IsFinite(sample.Value) ? sample.Value : 0);
                }
            }

            return new ServerSnapshot
            {
                Scrapes = _scrapes,
                SyncLagMetric = _lagName,
                SyncLagMs = _lagName is null ? null : Percentiles.Of(context.Metrics.SyncLag),
                MemoryMetric = _memoryName,
                MemoryBaselineBytes = _baseline,
                MemoryPeakBytes = _peak,
                PlayersAtPeak = _playersAtPeak,
                MostPlayers = _mostPlayers,
                MemoryAtMostPlayersBytes = _memoryAtMostPlayers,
                BytesPerPlayer = perPlayer,
                GcHeapMetric = _gcPeak is null ? null : GcHeapNames[0],
                GcHeapPeakBytes = _gcPeak,
                Final = final,
            };
        }
    }

    /// <summary>The first of <paramref name="names"/> present, summed over its label sets.</summary>
    internal static (string Name, double Value)? Sum(IReadOnlyList<PrometheusSample> samples, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            var matching = samples.Where(s => s.Name == name).ToList();
            if (matching.Count > 0)
            {
                return (name, matching.Sum(static s => s.Value));
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<PrometheusSample>?> ScrapeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var text = await context.Http.GetStringAsync(new Uri("metrics", UriKind.Relative), timeout.Token);
            Interlocked.Increment(ref _scrapes);
            return PrometheusText.Parse(text);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // /metrics is optional to the run: the report says how many scrapes succeeded.
            return null;
        }
    }
}
