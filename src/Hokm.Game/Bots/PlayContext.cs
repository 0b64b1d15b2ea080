using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Game.Bots;

/// <summary>
/// What one seat knows when it is its turn to play: its hand, the table, the cards already played this
/// hand (everyone saw them), trump and scores. Other hands are not in here.
/// </summary>
public readonly record struct PlayContext(
    int Seat,
    int Hakem,
    Suit Trump,
    CardSet Hand,
    CardSet Legal,
    Trick Trick,
    CardSet PlayedThisHand,
    TeamScore Tricks,
    TeamScore Score,
    int HandNumber,
    int TargetScore)
{
    /// <summary>The seat opposite.</summary>
    public int Partner => Seats.PartnerOf(Seat);

    /// <summary>This seat's team.</summary>
    public Team Team => Seats.TeamOf(Seat);

    /// <summary>Cards still in the other three hands (as far as this seat can tell: all it has not seen).</summary>
    public CardSet Unseen => CardSet.FullDeck.Except(Hand).Except(PlayedThisHand).Except(Trick.Cards);
}
