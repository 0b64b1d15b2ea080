namespace Hokm.Audit;

/// <summary>The pure rules of RULES.md that the audit needs, each small enough to check by eye.</summary>
public static class HokmRules
{
    /// <summary>Team A holds the even seats, team B the odd ones.</summary>
    public static Team TeamOf(int seat) => seat % 2 == 0 ? Team.A : Team.B;

    /// <summary>
    /// Index in <paramref name="cards"/> (in playing order, the first led) of the card that wins the
    /// trick: the highest trump if any trump was played, else the highest card of the led suit.
    /// </summary>
    public static int TrickWinner(IReadOnlyList<Card> cards, Suit trump)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentOutOfRangeException.ThrowIfZero(cards.Count);

        var best = 0;
        for (var i = 1; i < cards.Count; i++)
        {
            if (Beats(cards[i], cards[best], trump))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// The trump chosen for a Hakem who did not choose in time: the suit they hold most of among
    /// their first five. RULES.md breaks ties "by highest card"; where the tied suits' highest
    /// cards are equal in rank we compare the next highest, and so on, and only an exact tie of
    /// ranks (e.g. A-5 of spades against A-5 of hearts) falls back to deck order S, H, D, C.
    /// </summary>
    public static Suit AutoTrump(IReadOnlyCollection<Card> firstFive)
    {
        ArgumentNullException.ThrowIfNull(firstFive);
        ArgumentOutOfRangeException.ThrowIfZero(firstFive.Count);

        // Enum.GetValues lists suits in deck order, and MaxBy keeps the first of equal keys: that
        // is the final S, H, D, C tie-break.
        return Enum.GetValues<Suit>()
            .Select(suit => (Suit: suit, Ranks: firstFive.Where(c => c.Suit == suit).Select(c => c.Rank).OrderDescending().ToArray()))
            .MaxBy(s => s, Comparer<(Suit Suit, int[] Ranks)>.Create(static (x, y) => CompareHoldings(x.Ranks, y.Ranks)))
            .Suit;
    }

    /// <summary>Points for the team that took 7 tricks: 1, or 2 for Kot, or 3 for Hakem Kot.</summary>
    public static int Points(Kot kot) => kot switch
    {
        Kot.Kot => 2,
        Kot.HakemKot => 3,
        _ => 1,
    };

    /// <summary>The kind of sweep when <paramref name="winner"/> took 7 tricks to <paramref name="loserTricks"/>.</summary>
    public static Kot KotOf(Team winner, int loserTricks, int hakem)
    {
        if (loserTricks != 0)
        {
            return Kot.None;
        }

        return winner == TeamOf(hakem) ? Kot.Kot : Kot.HakemKot;
    }

    /// <summary>The next hand's Hakem: the same seat if their team won the hand, else the next seat.</summary>
    public static int NextHakem(int hakem, Team handWinner) =>
        TeamOf(hakem) == handWinner ? hakem : (hakem + 1) % 4;

    private static bool Beats(Card challenger, Card best, Suit trump)
    {
        if (challenger.Suit == best.Suit)
        {
            return challenger.Rank > best.Rank;
        }

        // Off-suit only wins by trumping a non-trump; a discard never wins.
        return challenger.Suit == trump;
    }

    // More cards wins; equal counts compare ranks from the top down.
    private static int CompareHoldings(int[] x, int[] y)
    {
        if (x.Length != y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return 0;
    }
}
