namespace Hokm.Data.Live;

/// <summary>The outcome of acknowledging outbox entries.</summary>
/// <param name="Accepted">False when another consumer now holds the room's lease: nothing was removed, and that consumer will acknowledge.</param>
/// <param name="Removed">Entries removed from the outbox.</param>
/// <param name="Remaining">Entries still waiting.</param>
public readonly record struct OutboxAck(bool Accepted, long Removed, long Remaining);
