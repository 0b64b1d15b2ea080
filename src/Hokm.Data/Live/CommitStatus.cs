namespace Hokm.Data.Live;

/// <summary>How a commit ended.</summary>
public enum CommitStatus
{
    /// <summary>State written, events appended, version bumped, TTL refreshed — all in one step.</summary>
    Committed,

    /// <summary>The room's version was not the expected one; nothing was written.</summary>
    VersionConflict,

    /// <summary>The room does not exist (and the commit was not a create); nothing was written.</summary>
    NotFound,

    /// <summary>Part of a transaction that did not commit because another of its parts conflicted; nothing was written.</summary>
    Aborted,

    /// <summary>
    /// The commit named a room lease (owner node + fencing token) that is no longer the room's
    /// current lease: another node took the room over. Nothing was written; the caller must stop
    /// acting as the room's owner.
    /// </summary>
    Fenced,
}
