namespace Hokm.Data.Live;

/// <summary>The live state of one room as stored in Redis.</summary>
/// <param name="Room">The normalised room code.</param>
/// <param name="Version">Incremented by every commit; the first commit makes version 1.</param>
/// <param name="Document">The opaque state document the caller stored (JSON for the game server).</param>
/// <param name="LastSequence">Sequence number of the last outbox entry the room has ever appended.</param>
/// <param name="UpdatedAt">When the last commit happened (the committing node's clock).</param>
public sealed record RoomState(string Room, long Version, string Document, long LastSequence, DateTimeOffset UpdatedAt);
