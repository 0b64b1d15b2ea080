using Hokm.Game.Cards;

namespace Hokm.Game.Rules;

/// <summary>
/// The game as one seat sees it — what PROTOCOL.md's <c>state</c> message needs from the engine. It holds
/// that seat's cards and the public table only; there is no way to reach another seat's hand from it.
/// </summary>
public sealed record SeatView
{
    /// <summary>The game's phase.</summary>
    public required GamePhase Phase { get; init; }

    /// <summary>The seat this view belongs to.</summary>
    public required int Seat { get; init; }

    /// <summary>The Hakem of the current hand.</summary>
    public required int Hakem { get; init; }

    /// <summary>Trump, once named.</summary>
    public required Suit? Trump { get; init; }

    /// <summary>The seat expected to act (the Hakem while choosing trump), or null between hands.</summary>
    public required int? Turn { get; init; }

    /// <summary>This seat's cards, in deck order.</summary>
    public required IReadOnlyList<Card> Hand { get; init; }

    /// <summary>Cards left per seat, indexed by seat.</summary>
    public required IReadOnlyList<int> HandCounts { get; init; }

    /// <summary>The cards on the table in play order.</summary>
    public required IReadOnlyList<SeatCard> Trick { get; init; }

    /// <summary>Tricks won per team in the current (or just finished) hand.</summary>
    public required TeamScore Tricks { get; init; }

    /// <summary>Points per team.</summary>
    public required TeamScore Score { get; init; }

    /// <summary>The current hand, 1-based.</summary>
    public required int HandNumber { get; init; }

    /// <summary>The current trick within the hand, 1-based (the last one played between hands).</summary>
    public required int TrickNumber { get; init; }

    /// <summary>Points that win the game.</summary>
    public required int TargetScore { get; init; }

    /// <summary>The cards this seat may play; null unless it is this seat's turn to play a card.</summary>
    public required IReadOnlyList<Card>? Legal { get; init; }

    /// <summary>The winning team once the game is over.</summary>
    public required Team? Winner { get; init; }
}
