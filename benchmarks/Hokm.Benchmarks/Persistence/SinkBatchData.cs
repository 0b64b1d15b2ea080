using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Sink;

namespace Hokm.Benchmarks.Persistence;

/// <summary>One batch of moves of a fresh game in the three forms the variants start from.</summary>
internal sealed class SinkBatchData
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public SinkBatchData(int size)
    {
        var gameId = Guid.NewGuid().ToString("N");
        Moves = Enumerable.Range(1, size).Select(seq => new MoveRecorded(
            gameId, seq, ((seq - 1) / 53) + 1, (((seq - 1) % 53) + 3) / 4, (seq - 1) % 4, MoveKind.Play, seq % 7 == 0, Start.AddMilliseconds(seq * 900), Card: "10H")).ToArray();
        Entries = Moves.Select((m, i) => new OutboxEntry("BENCH", i + 1, OutboxEvents.MoveType, Start, OutboxEvents.Move(m).Payload)).ToList();
        Parsed = new SinkBatch();
        Parsed.Moves.AddRange(Moves.Select((m, i) => new SinkItem<MoveRecorded>(i, m)));
    }

    /// <summary>Typed rows, for the raw COPY and the writer's statements.</summary>
    public MoveRecorded[] Moves { get; }

    /// <summary>Outbox entries with JSON payloads, as the sync worker hands them to the sink.</summary>
    public List<OutboxEntry> Entries { get; }

    /// <summary>The entries as the sink's parser leaves them.</summary>
    public SinkBatch Parsed { get; }
}
