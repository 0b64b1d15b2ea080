namespace Hokm.Data.Live;

/// <summary>What a consumer leased from one room's outbox.</summary>
/// <param name="Room">The room.</param>
/// <param name="Leased">False when another live consumer holds the room's lease; then <paramref name="Entries"/> is empty.</param>
/// <param name="Entries">The oldest entries, in sequence order. They stay in the outbox until acknowledged.</param>
public sealed record OutboxBatch(string Room, bool Leased, IReadOnlyList<OutboxEntry> Entries)
{
    /// <summary>The highest sequence number in the batch (0 when empty).</summary>
    public long LastSequence => Entries.Count == 0 ? 0 : Entries.Max(static e => e.Sequence);
}
