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
}
