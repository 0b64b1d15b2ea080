using Hokm.Data.Live;

namespace Hokm.Data.Transactions;

/// <summary>
/// A unit of work in one write mode (the guide's <c>hybrid_transaction(TransactionType)</c>).
/// Operations are collected and run by <see cref="CommitAsync"/>; disposing without committing
/// discards them. What "together" means depends on the mode:
/// <list type="bullet">
/// <item><see cref="WriteMode.WriteThrough"/>: every room state and every event in ONE PostgreSQL
/// transaction (all or nothing), then Redis is updated (or invalidated) room by room.</item>
/// <item><see cref="WriteMode.WriteBehind"/>: each room commit is atomic in Redis with its events;
/// rooms live in different hash slots, so they commit one after another and the first conflict
/// stops the rest (reported as <see cref="CommitStatus.Aborted"/>).</item>
/// <item><see cref="WriteMode.Eventual"/>: sync tasks only (no room state); queued for the worker.</item>
/// </list>
/// </summary>
public interface IHybridTransaction : IAsyncDisposable
{
    /// <summary>The transaction's write mode.</summary>
    WriteMode Mode { get; }

    /// <summary>Adds a room state change (not allowed in <see cref="WriteMode.Eventual"/>).</summary>
    void UpdateGameSession(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent>? events = null);

    /// <summary>Adds an event for PostgreSQL that belongs to no room (an action log entry, a stats change).</summary>
    void QueueSyncTask(OutboxEvent task, SyncPriority priority = SyncPriority.Medium);

    /// <summary>Runs the collected operations in the transaction's mode.</summary>
    Task<HybridTransactionResult> CommitAsync(CancellationToken cancellationToken = default);
}
