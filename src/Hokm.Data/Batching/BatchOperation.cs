using Hokm.Data.Live;

namespace Hokm.Data.Batching;

/// <summary>One operation of <see cref="IHybridDataLayer.ExecuteBatchAsync"/> (the guide's <c>execute_batch_operations</c>).</summary>
public abstract record BatchOperation
{
    private BatchOperation()
    {
    }

    /// <summary>A room commit (write-behind).</summary>
    /// <param name="Room">The room.</param>
    /// <param name="ExpectedVersion">The version the state is based on.</param>
    /// <param name="Document">The new state.</param>
    /// <param name="Events">Its events.</param>
    public sealed record Commit(string Room, long ExpectedVersion, string Document, IReadOnlyList<OutboxEvent> Events) : BatchOperation;

    /// <summary>A sync task for PostgreSQL.</summary>
    /// <param name="Task">The event.</param>
    /// <param name="Priority">Its priority.</param>
    public sealed record SyncTask(OutboxEvent Task, SyncPriority Priority = SyncPriority.Medium) : BatchOperation;
}
