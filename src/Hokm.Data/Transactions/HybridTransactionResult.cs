using Hokm.Data.Live;

namespace Hokm.Data.Transactions;

/// <summary>What a transaction did.</summary>
/// <param name="Committed">True when every operation took effect.</param>
/// <param name="Rooms">One result per room update, in the order they were added.</param>
/// <param name="TasksQueued">Sync tasks queued (or, write-through, stored).</param>
public sealed record HybridTransactionResult(bool Committed, IReadOnlyList<CommitResult> Rooms, int TasksQueued);
