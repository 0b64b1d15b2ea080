namespace Hokm.Data.Live;

/// <summary>The outcome of one commit. A version conflict is a result, not an exception.</summary>
/// <param name="Status">Committed, or why not.</param>
/// <param name="Version">The room's version now: the new one when committed, the current one on a conflict, 0 when not found.</param>
/// <param name="LastSequence">The last outbox sequence after the commit (when committed).</param>
public readonly record struct CommitResult(CommitStatus Status, long Version, long LastSequence)
{
    /// <summary>True when the commit took effect.</summary>
    public bool Committed => Status == CommitStatus.Committed;
}
