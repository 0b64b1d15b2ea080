namespace Hokm.Data.Persistence.Model;

/// <summary>
/// A row of <c>live_rooms</c>: a room's live state as last written to the persistent store — by a
/// write-through commit, or by a write-behind commit that fell back to PostgreSQL while Redis was
/// down. When <see cref="NeedsRehydration"/> is set, Redis is behind and is rebuilt from this row.
/// </summary>
public sealed class LiveRoomRow
{
    /// <summary>The room code.</summary>
    public required string Room { get; set; }

    /// <summary>The room's version (the same sequence of versions as in Redis).</summary>
    public long Version { get; set; }

    /// <summary>The opaque state document.</summary>
    public required string Document { get; set; }

    /// <summary>The room's last outbox sequence at that version.</summary>
    public long LastSequence { get; set; }

    /// <summary>When it was written, in Unix milliseconds (the committing node's clock).</summary>
    public long UpdatedAtMs { get; set; }

    /// <summary>True while Redis has not yet been given this version.</summary>
    public bool NeedsRehydration { get; set; }
}
