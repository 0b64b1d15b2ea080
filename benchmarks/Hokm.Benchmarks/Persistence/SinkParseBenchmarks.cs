using BenchmarkDotNet.Attributes;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Sink;

namespace Hokm.Benchmarks.Persistence;

/// <summary>
/// The sink's client-side cost alone: reading and validating 1,000 <c>move</c> payloads, no
/// database (the <c>Parse</c> share of <see cref="SinkBenchmarks"/>, measured without its noise).
/// </summary>
[MemoryDiagnoser]
public class SinkParseBenchmarks
{
    private List<OutboxEntry> _entries = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var gameId = Guid.NewGuid().ToString("N");
        _entries = Enumerable.Range(1, 1000)
            .Select(seq => new MoveRecorded(gameId, seq, ((seq - 1) / 53) + 1, (((seq - 1) % 53) + 3) / 4, (seq - 1) % 4, MoveKind.Play, seq % 7 == 0, start.AddMilliseconds(seq * 900), Card: "10H"))
            .Select((m, i) => new OutboxEntry("BENCH", i + 1, OutboxEvents.MoveType, start, OutboxEvents.Move(m).Payload))
            .ToList();
    }

    [Benchmark]
    public int Parse1000Moves() => OutboxEntryParser.Parse(_entries).Batch.Count;
}
