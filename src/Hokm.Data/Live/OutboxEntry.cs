namespace Hokm.Data.Live;

/// <summary>An entry read back from a room's outbox.</summary>
/// <param name="Room">The room whose outbox held it.</param>
/// <param name="Sequence">Its sequence number: 1, 2, 3… per room, in commit order; -1 when the entry is unreadable.</param>
/// <param name="Type">The event type given at commit.</param>
/// <param name="At">When it was committed.</param>
/// <param name="Payload">The payload given at commit, or the raw stored text when the entry is unreadable.</param>
public sealed record OutboxEntry(string Room, long Sequence, string Type, DateTimeOffset At, string Payload)
{
    /// <summary>True when the stored entry did not have the shape the commit script writes.</summary>
    public bool IsCorrupted => Sequence < 0;
}
