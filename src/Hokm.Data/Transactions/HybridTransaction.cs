using Hokm.Data.Live;
using Hokm.Data.Redis;
using Hokm.Data.Sync;

namespace Hokm.Data.Transactions;

/// <summary>The default <see cref="IHybridTransaction"/>.</summary>
internal sealed class HybridTransaction(WriteMode mode, HybridRoomCommitter committer, SyncTaskQueue queue) : IHybridTransaction
{
    private readonly List<(string Room, long Expected, string Document, IReadOnlyList<OutboxEvent> Events)> _rooms = [];
    private readonly List<(OutboxEvent Task, SyncPriority Priority)> _tasks = [];
    private bool _done;

    public WriteMode Mode => mode;

    public void UpdateGameSession(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent>? events = null)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (mode == WriteMode.Eventual)
        {
            throw new InvalidOperationException("An eventual transaction holds sync tasks only: room state is live state.");
        }

        ArgumentNullException.ThrowIfNull(document);
        _rooms.Add((RedisKeys.NormalizeRoom(room), expectedVersion, document, events ?? []));
    }

    public void QueueSyncTask(OutboxEvent task, SyncPriority priority = SyncPriority.Medium)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        ArgumentNullException.ThrowIfNull(task);
        _tasks.Add((task, priority));
    }

    public async Task<HybridTransactionResult> CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        if (mode == WriteMode.WriteThrough)
        {
            var results = await committer.WriteThroughManyAsync(_rooms, _tasks.ConvertAll(t => t.Task), cancellationToken);
            var committed = results.All(static r => r.Committed);
            return new HybridTransactionResult(committed, results, committed ? _tasks.Count : 0);
        }

        var roomResults = new List<CommitResult>(_rooms.Count);
        foreach (var (room, expected, document, events) in _rooms)
        {
            if (roomResults.Count > 0 && !roomResults[^1].Committed)
            {
                roomResults.Add(new CommitResult(CommitStatus.Aborted, 0, 0));
                continue;
            }

            roomResults.Add(await committer.CommitAsync(room, expected, document, events, WriteMode.WriteBehind, cancellationToken));
        }

        var allRooms = roomResults.All(static r => r.Committed);
        if (!allRooms)
        {
            return new HybridTransactionResult(false, roomResults, 0);
        }

        foreach (var group in _tasks.GroupBy(static t => t.Priority))
        {
            await queue.EnqueueAsync(group.Select(static t => t.Task).ToList(), group.Key, cancellationToken);
        }

        return new HybridTransactionResult(true, roomResults, _tasks.Count);
    }

    public ValueTask DisposeAsync()
    {
        _done = true;
        return ValueTask.CompletedTask;
    }
}
