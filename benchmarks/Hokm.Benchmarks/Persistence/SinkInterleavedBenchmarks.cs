using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Hokm.Benchmarks.Persistence;

/// <summary>
/// The same comparison as <see cref="SinkBenchmarks"/>, made robust to a busy machine: one
/// invocation runs <see cref="Rounds"/> rounds, and each round writes one fresh batch with every
/// variant, in a shuffled order, so that all variants see the same load. It prints, per variant,
/// the median time of one batch, rows/s, and the share of the raw COPY's rows/s (BenchmarkDotNet's
/// own figure is the time of all rounds and means little). The first 10 rounds warm up and are not
/// counted; the tables are emptied every 10 rounds, outside the timings.
/// Run: <c>dotnet run -c Release --project benchmarks/Hokm.Benchmarks -- --filter '*SinkInterleaved*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class SinkInterleavedBenchmarks
{
    private const int Rounds = 160;
    private const int WarmupRounds = 10;

    private SinkBenchmarkDatabase _database = null!;

    /// <summary>Entries per sink call.</summary>
    [Params(100, 1000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup() => _database = new SinkBenchmarkDatabase();

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark]
    public async Task Interleaved()
    {
        (string Name, Func<SinkBatchData, Task> Write)[] variants =
        [
            ("RawCopy", _database.RawCopyAsync),
            ("Sink", _database.SinkAsync),
            ("RawCopyKeyed", _database.RawCopyKeyedAsync),
            ("UnnestInsert", _database.UnnestInsertAsync),
            ("CopyInsert", _database.CopyInsertAsync),
            ("UnnestOnConflict", _database.UnnestOnConflictAsync),
            ("StagedCopy", _database.StagedCopyAsync),
        ];
        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var random = new Random(BatchSize);
        for (var round = 0; round < Rounds; round++)
        {
            if (round % 10 == 0)
            {
                _database.EmptyTables();
            }

            foreach (var (name, write) in variants.OrderBy(_ => random.Next()).ToList())
            {
                var batch = new SinkBatchData(BatchSize);
                var started = Stopwatch.GetTimestamp();
                await write(batch);
                if (round >= WarmupRounds)
                {
                    times[name].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        var baseline = Median(times["RawCopy"]);
        Console.WriteLine($"// Interleaved, batch of {BatchSize}, {Rounds - WarmupRounds} rounds: variant | median ms | rows/s | % of RawCopy");
        foreach (var (name, _) in variants)
        {
            var median = Median(times[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {name,-16} | {median,8:0.000} | {BatchSize / median * 1000,9:0} | {baseline / median * 100,4:0}%"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
