using Hokm.Data.Batching;
using Hokm.Data.Consistency;
using Hokm.Data.Errors;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Transactions;

namespace Hokm.Data;

internal sealed partial class HybridDataLayer
{
    public Task<IHybridTransaction> BeginTransactionAsync(WriteMode mode, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown write mode.");
        }

        return Task.FromResult<IHybridTransaction>(new HybridTransaction(mode, committer, syncTasks));
    }

    public Task QueueSyncTaskAsync(OutboxEvent task, SyncPriority priority = SyncPriority.Medium, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        return syncTasks.EnqueueAsync([task], priority, cancellationToken);
    }

    public Task LogPlayerActionAsync(ActionRecorded action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return syncTasks.EnqueueAsync([OutboxEvents.Action(action)], SyncPriority.Low, cancellationToken);
    }

    public async Task<IReadOnlyList<BatchResult>> ExecuteBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count > 10_000)
        {
            throw new PayloadTooLargeException($"A batch may hold at most 10,000 operations; {operations.Count} were given.");
        }

        // Started together, so StackExchange.Redis pipelines them on one connection.
        var tasks = operations.Select((operation, index) => RunAsync(operation, index, cancellationToken)).ToList();
        return await Task.WhenAll(tasks);
    }

    public Task<ConsistencyReport> CheckDataConsistencyAsync(string dataType, int sampleSize, CancellationToken cancellationToken = default) =>
        consistency.CheckAsync(dataType, sampleSize, cancellationToken);

    public Task<int> ResolveInconsistenciesAsync(ConsistencyReport report, CancellationToken cancellationToken = default) =>
        consistency.ResolveAsync(report, cancellationToken);

    private async Task<BatchResult> RunAsync(BatchOperation operation, int index, CancellationToken cancellationToken)
    {
        try
        {
            switch (operation)
            {
                case BatchOperation.Commit commit:
                    var result = await committer.CommitAsync(commit.Room, commit.ExpectedVersion, commit.Document, commit.Events, WriteMode.WriteBehind, cancellationToken);
                    return new BatchResult(index, result, null);
                case BatchOperation.SyncTask task:
                    await syncTasks.EnqueueAsync([task.Task], task.Priority, cancellationToken);
                    return new BatchResult(index, null, null);
                default:
                    return new BatchResult(index, null, $"Unknown operation {operation?.GetType().Name ?? "null"}.");
            }
        }
        catch (Exception ex) when (ex is HybridDataException or ArgumentException)
        {
            return new BatchResult(index, null, ex.Message);
        }
    }
}
