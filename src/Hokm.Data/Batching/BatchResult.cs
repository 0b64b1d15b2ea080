using Hokm.Data.Live;

namespace Hokm.Data.Batching;

/// <summary>The outcome of one batch operation.</summary>
/// <param name="Index">Its position in the batch.</param>
/// <param name="Commit">The commit result (room commits only).</param>
/// <param name="Error">Why it failed, when it threw (bad input, store unavailable); other operations are unaffected.</param>
public sealed record BatchResult(int Index, CommitResult? Commit, string? Error)
{
    /// <summary>True when the operation took effect.</summary>
    public bool Succeeded => Error is null && (Commit is null || Commit.Value.Committed);
}
