using System.Text.Json;
using Hokm.Game.Rules;

namespace Hokm.Server.Rooms;

/// <summary>
/// A room's whole state as committed to the live store on every change (the data layer's opaque
/// document): room facts, seats, the game's full snapshot (all hands and the seed — never sent to a
/// player), the move sequence, the hands played so far and the next automatic action's deadline.
/// Enough to resume the room on any node after a restart.
/// </summary>
internal sealed record RoomDocument
{
    /// <summary>The format this code writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Format of the document.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The room code.</summary>
    public required string Room { get; init; }

    /// <summary>Offered to quick match.</summary>
    public required bool Public { get; init; }

    /// <summary>Points that win the game.</summary>
    public required int TargetScore { get; init; }

    /// <summary>When the room was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Where the room stands.</summary>
    public required RoomStatus Status { get; init; }

    /// <summary>Four seats; null for a free one.</summary>
    public required IReadOnlyList<SeatRecord?> Seats { get; init; }

    /// <summary>The live-store version this document was committed at.</summary>
    public long Version { get; init; }

    /// <summary>The game's id, once started.</summary>
    public string? GameId { get; init; }

    /// <summary>When the game started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Who sat where when the game started (what the game's record names).</summary>
    public IReadOnlyList<SeatRecord>? StartSeats { get; init; }

    /// <summary>The game's full server-side state.</summary>
    public GameSnapshot? Game { get; init; }

    /// <summary>The last move's sequence number in the game (moves are numbered 1, 2, 3, …).</summary>
    public long MoveSeq { get; init; }

    /// <summary>The hands played so far.</summary>
    public IReadOnlyList<CompletedHand> Hands { get; init; } = [];

    /// <summary>When the server acts next on its own (turn timeout, bot move, next deal).</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The document as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RoomJsonContext.Default.RoomDocument);

    /// <summary>Reads a document.</summary>
    /// <exception cref="JsonException">Not a room document.</exception>
    public static RoomDocument FromJson(string json)
    {
        var document = JsonSerializer.Deserialize(json, RoomJsonContext.Default.RoomDocument) ?? throw new JsonException("The room document is null.");
        if (document.Format != CurrentFormat || document.Seats is not { Count: Hokm.Game.Rules.Seats.Count })
        {
            throw new JsonException($"Room document format {document.Format} with {document.Seats?.Count} seats is not supported.");
        }

        return document;
    }
}
