using System.Text.Json.Serialization;
using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Server.Protocol;

/// <summary>
/// <c>state</c>: what a client needs to redraw the table from nothing, as seen from its own seat —
/// its own cards only. Fields without a value (no game yet, no trump yet, …) are written as null;
/// <see cref="Legal"/> is left out unless it is the receiver's turn to play.
/// </summary>
internal sealed record StateMessage : ServerMessage
{
    /// <summary>The room code, or null when the player holds no seat.</summary>
    public required string? Room { get; init; }

    /// <summary>The game's id once it has started.</summary>
    public required string? GameId { get; init; }

    /// <summary><c>waiting</c>, <c>choosing_trump</c>, <c>playing</c>, <c>hand_over</c> or <c>game_over</c>.</summary>
    public required string Phase { get; init; }

    /// <summary>The receiver's seat.</summary>
    public required int? Seat { get; init; }

    /// <summary>The seated players and bots.</summary>
    public required IReadOnlyList<PlayerInfo> Players { get; init; }

    /// <summary>The Hakem of the current hand.</summary>
    public required int? Hakem { get; init; }

    /// <summary>Trump, once named.</summary>
    public required Suit? Trump { get; init; }

    /// <summary>The seat expected to act.</summary>
    public required int? Turn { get; init; }

    /// <summary>The receiver's cards.</summary>
    public required IReadOnlyList<Card> Hand { get; init; }

    /// <summary>Cards left per seat.</summary>
    public required IReadOnlyList<int> HandCounts { get; init; }

    /// <summary>The cards on the table in play order.</summary>
    public required IReadOnlyList<SeatCard> Trick { get; init; }

    /// <summary>Tricks per team in the current hand.</summary>
    public required TeamScore Tricks { get; init; }

    /// <summary>Points per team.</summary>
    public required TeamScore Score { get; init; }

    /// <summary>The current hand (0 before the game).</summary>
    public required int HandNumber { get; init; }

    /// <summary>The room's version (bumped by every committed change).</summary>
    public required long Version { get; init; }

    /// <summary>When the server acts for the seat to move (or deals the next hand).</summary>
    public required DateTimeOffset? Deadline { get; init; }

    /// <summary>The cards the receiver may play; only when it is their turn to play.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Card>? Legal { get; init; }

    /// <summary>Points that win the game.</summary>
    public required int TargetScore { get; init; }

    /// <summary>The current trick within the hand (0 before the game).</summary>
    public required int TrickNumber { get; init; }

    /// <summary>True when the current trump was chosen on timeout.</summary>
    public required bool TrumpAuto { get; init; }

    /// <summary>True for a room offered to quick match.</summary>
    public required bool Public { get; init; }

    /// <summary>The winning team once the game is over.</summary>
    public required Team? Winner { get; init; }
}
