using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Game.Bots;

/// <summary>
/// A simple card-counting player: trump by suit strength; leads its sure winners; takes tricks with the
/// cheapest winning card; leaves a partner's safe trick alone; trumps a trick it is void in when the
/// opponents would take it; otherwise throws its lowest card. Deterministic and allocation-free.
/// </summary>
public sealed class HeuristicBot : IHokmBot
{
    /// <summary>A shared instance (the bot keeps no state between calls).</summary>
    public static HeuristicBot Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "heuristic";

    /// <inheritdoc />
    public Suit ChooseTrump(in TrumpContext context)
    {
        var best = Suit.Spades;
        var bestScore = int.MinValue;
        for (var s = 0; s < 4; s++)
        {
            var suit = (Suit)s;

            // Length matters most (trumps win tricks when others run out), honours break ties.
            var cards = context.FirstFive.OfSuit(suit);
            var score = cards.Count * 10;
            foreach (var card in cards)
            {
                score += card.Rank switch
                {
                    Rank.Ace => 4,
                    Rank.King => 3,
                    Rank.Queen => 2,
                    Rank.Jack => 1,
                    _ => 0,
                };
            }

            if (score > bestScore)
            {
                best = suit;
                bestScore = score;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public Card ChooseCard(in PlayContext context)
    {
        var legal = context.Legal;
        if (legal.Count == 1)
        {
            return legal.First();
        }

        return context.Trick.Count == 0 ? Lead(context) : Follow(context);
    }

    private static Card Lead(in PlayContext context)
    {
        var hand = context.Hand;
        var trump = context.Trump;
        var unseen = context.Unseen;
        var myTrumps = hand.OfSuit(trump);
        var theirTrumps = unseen.OfSuit(trump);

        // Draw trumps while we hold the top one and at least as many as everyone else together.
        if (!myTrumps.IsEmpty && !theirTrumps.IsEmpty && myTrumps.Count >= theirTrumps.Count && IsMaster(myTrumps.HighestOf(trump)!.Value, unseen))
        {
            return myTrumps.HighestOf(trump)!.Value;
        }

        // Cash a side-suit winner, preferring the suit the others still hold most of (less likely to be trumped).
        Card? master = null;
        var masterCover = -1;

        // Suits are indexed, not enumerated from Suits.All: that would allocate an enumerator on every play.
        for (var s = 0; s < 4; s++)
        {
            var suit = (Suit)s;
            if (suit == trump || hand.OfSuit(suit).HighestOf(suit) is not { } top || !IsMaster(top, unseen))
            {
                continue;
            }

            var cover = unseen.CountOf(suit);
            if (cover > masterCover)
            {
                master = top;
                masterCover = cover;
            }
        }

        if (master is { } winner && (masterCover > 0 || theirTrumps.IsEmpty))
        {
            return winner;
        }

        // Otherwise give up the lead cheaply from the longest side suit, keeping trumps.
        Card? low = null;
        var longest = 0;
        for (var s = 0; s < 4; s++)
        {
            var suit = (Suit)s;
            var count = hand.CountOf(suit);
            if (suit != trump && count > longest)
            {
                longest = count;
                low = hand.LowestOf(suit);
            }
        }

        return low ?? myTrumps.LowestOf(trump)!.Value;
    }

    private static Card Follow(in PlayContext context)
    {
        var trick = context.Trick;
        var trump = context.Trump;
        var led = trick.LedSuit!.Value;
        var winning = trick.WinningCard(trump);
        var partnerWinning = trick.WinningSeat(trump) == context.Partner;
        var last = trick.Count == Seats.Count - 1;
        var unseen = context.Unseen;
        var partnerSafe = partnerWinning && (last || IsMaster(winning, unseen));
        var hand = context.Hand;
        var following = hand.OfSuit(led);

        if (!following.IsEmpty)
        {
            if (partnerSafe || winning.Suit != led)
            {
                return following.LowestOf(led)!.Value;
            }

            var winners = following.Above(winning);
            if (winners.IsEmpty)
            {
                return following.LowestOf(led)!.Value;
            }

            if (!last)
            {
                // Not last: the cheapest card nobody left can beat, if we have one; else the cheapest that wins now.
                var sure = winners.Except(BelowHighestUnseen(led, unseen));
                if (!sure.IsEmpty)
                {
                    return sure.LowestOf(led)!.Value;
                }
            }

            return winners.LowestOf(led)!.Value;
        }

        var trumps = hand.OfSuit(trump);
        if (!partnerSafe && !trumps.IsEmpty)
        {
            if (winning.Suit != trump)
            {
                return trumps.LowestOf(trump)!.Value;
            }

            var over = trumps.Above(winning);
            if (!over.IsEmpty)
            {
                return over.LowestOf(trump)!.Value;
            }
        }

        return Discard(hand, trump);
    }

    // The lowest-ranked side-suit card, from the shortest suit on ties; a trump only when nothing else is left.
    private static Card Discard(CardSet hand, Suit trump)
    {
        Card? best = null;
        var bestLength = int.MaxValue;
        for (var s = 0; s < 4; s++)
        {
            var suit = (Suit)s;
            if (suit == trump || hand.LowestOf(suit) is not { } low)
            {
                continue;
            }

            var length = hand.CountOf(suit);
            if (best is not { } current || low.Rank < current.Rank || (low.Rank == current.Rank && length < bestLength))
            {
                best = low;
                bestLength = length;
            }
        }

        return best ?? hand.LowestOf(trump)!.Value;
    }

    private static bool IsMaster(Card card, CardSet unseen) => unseen.Above(card).IsEmpty;

    // Our cards of the suit that some unseen card still beats.
    private static CardSet BelowHighestUnseen(Suit suit, CardSet unseen)
    {
        if (unseen.HighestOf(suit) is not { } top)
        {
            return CardSet.Empty;
        }

        return CardSet.FullSuit(suit).Except(CardSet.FullSuit(suit).Above(top)).Remove(top);
    }
}
