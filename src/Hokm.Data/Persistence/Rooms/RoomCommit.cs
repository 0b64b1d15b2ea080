using Hokm.Data.Live;

namespace Hokm.Data.Persistence.Rooms;

/// <summary>One room's part of a persistent commit.</summary>
/// <param name="Room">The normalised room code.</param>
/// <param name="ExpectedVersion">The version the new state is based on.</param>
/// <param name="Document">The new state.</param>
/// <param name="LastSequence">The room's outbox sequence to record.</param>
/// <param name="Events">Events stored with it.</param>
public sealed record RoomCommit(string Room, long ExpectedVersion, string Document, long LastSequence, IReadOnlyList<OutboxEvent> Events);
