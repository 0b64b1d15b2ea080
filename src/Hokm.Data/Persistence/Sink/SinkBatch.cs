using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Persistence.Sink;

/// <summary>The parsed events of one sink call, grouped by table.</summary>
internal sealed class SinkBatch
{
    public List<SinkItem<GameStarted>> Games { get; } = [];

    public List<SinkItem<MoveRecorded>> Moves { get; } = [];

    public List<SinkItem<HandCompleted>> Hands { get; } = [];

    public List<SinkItem<ActionRecorded>> Actions { get; } = [];

    public int Count => Games.Count + Moves.Count + Hands.Count + Actions.Count;

    /// <summary>Each item as a batch of its own, in the order the entries came: the fallback that finds a poison entry.</summary>
    public IEnumerable<(int Index, SinkBatch Single)> OneByOne()
    {
        var singles = new List<(int, SinkBatch)>(Count);
        singles.AddRange(Games.Select(static i => (i.Index, Of(b => b.Games.Add(i)))));
        singles.AddRange(Moves.Select(static i => (i.Index, Of(b => b.Moves.Add(i)))));
        singles.AddRange(Hands.Select(static i => (i.Index, Of(b => b.Hands.Add(i)))));
        singles.AddRange(Actions.Select(static i => (i.Index, Of(b => b.Actions.Add(i)))));
        return singles.OrderBy(static s => s.Item1);
    }

    private static SinkBatch Of(Action<SinkBatch> add)
    {
        var batch = new SinkBatch();
        add(batch);
        return batch;
    }
}
