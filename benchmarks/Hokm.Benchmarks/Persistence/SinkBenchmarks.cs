using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Hokm.Benchmarks.Persistence;

/// <summary>
/// The persistent sink writing <c>move</c> entries into the real <c>moves</c> table, against a raw
/// Npgsql binary COPY of the same rows into a bare table with the same columns (no primary key),
/// on the same PostgreSQL in the same run. Rows/s = batch size / mean. The variants are those of
/// <see cref="SinkBenchmarkDatabase"/>. Every invocation writes new keys: each iteration writes
/// <see cref="Batches"/> distinct batches, and the tables are emptied before the next.
/// Each variant runs in a process of its own, one after the other: on a machine shared with other
/// work, compare them with <see cref="SinkInterleavedBenchmarks"/>, which alternates them.
/// Run: <c>dotnet run -c Release --project benchmarks/Hokm.Benchmarks -- --filter '*SinkBenchmarks*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 12, invocationCount: Batches)]
[MemoryDiagnoser]
public class SinkBenchmarks
{
    private const int Batches = 64;

    private SinkBenchmarkDatabase _database = null!;
    private SinkBatchData[] _batches = null!;
    private int _next;

    /// <summary>Entries per sink call (the worker's lease size).</summary>
    [Params(100, 1000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = new SinkBenchmarkDatabase();
        _batches = Enumerable.Range(0, Batches).Select(_ => new SinkBatchData(BatchSize)).ToArray();
    }

    [IterationSetup]
    public void EmptyTables()
    {
        _database.EmptyTables();
        _next = 0;
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true)]
    public Task RawCopy() => _database.RawCopyAsync(_batches[_next++]);

    [Benchmark]
    public Task<int> Sink() => _database.SinkAsync(_batches[_next++]);

    [Benchmark]
    public Task RawCopyKeyed() => _database.RawCopyKeyedAsync(_batches[_next++]);

    [Benchmark]
    public Task<int> UnnestInsert() => _database.UnnestInsertAsync(_batches[_next++]);

    [Benchmark]
    public Task<int> CopyInsert() => _database.CopyInsertAsync(_batches[_next++]);

    [Benchmark]
    public Task<int> UnnestOnConflict() => _database.UnnestOnConflictAsync(_batches[_next++]);

    [Benchmark]
    public Task<int> StagedCopy() => _database.StagedCopyAsync(_batches[_next++]);
}
