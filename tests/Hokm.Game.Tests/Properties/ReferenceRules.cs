using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Game.Tests.Properties;

/// <summary>RULES.md written a second, deliberately naive way, to judge the engine against.</summary>
internal static class ReferenceRules
{
    public static int TrickWinner(IReadOnlyList<SeatCard> plays, Suit trump)
    {
        var led = plays[0].Card.Suit;
        int Strength(Card card) =>
            card.Suit == trump ? 200 + (int)card.Rank : card.Suit == led ? 100 + (int)card.Rank : 0;
        return plays.MaxBy(p => Strength(p.Card)).Seat;
    }

    public static int HandPoints(TeamScore tricks, int hakem)
    {
        var winner = tricks.A == 7 ? Team.A : Team.B;
        var loserTricks = winner == Team.A ? tricks.B : tricks.A;
        if (loserTricks > 0)
        {
            return 1;
        }

        return winner == (hakem % 2 == 0 ? Team.A : Team.B) ? 2 : 3;
    }

    public static bool MayPlay(CardSet hand, Suit? led, Card card) =>
        hand.Contains(card) && (led is not { } suit || card.Suit == suit || !hand.Any(c => c.Suit == suit));
}
