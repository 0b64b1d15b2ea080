using Hokm.Audit.Records;

namespace Hokm.Audit.Checks;

/// <summary>
/// Checks one hand: the deal (and, with a seed, that it is the seed's deal), the automatic trump,
/// every trick replayed card by card, and the hand's result.
/// </summary>
/// <remarks>
/// Every derived value is accepted if it follows by the rules either from the true history (the
/// values the rules compute) or from the record's own earlier values; see <see cref="GameChecker"/>
/// for why that still reports every departure from the rules, once, where it happens.
/// </remarks>
internal sealed partial class HandChecker(ViolationLog log, string? seed)
{
    private const int TricksToWin = 7;

    public HandOutcome Check(HandRecord hand)
    {
        var label = $"hand {hand.Position}";
        CheckDeal(hand, label);
        CheckSeedDeal(hand, label);
        var rulesTrump = CheckAutoTrump(hand, label);
        var (byRules, byRecord) = CheckTricks(hand, rulesTrump, label);
        return CheckResult(hand, byRules, byRecord, label);
    }

    private void CheckDeal(HandRecord hand, string label)
    {
        if (hand.Deal is { } deal)
        {
            var owner = new Dictionary<Card, int>();
            for (var seat = 0; seat < 4; seat++)
            {
                if (deal[seat].Count != 13)
                {
                    log.Add(AuditRules.Deal, $"{label}: seat {seat} is dealt {deal[seat].Count} cards, expected 13");
                }

                foreach (var card in deal[seat])
                {
                    if (!owner.TryAdd(card, seat))
                    {
                        log.Add(AuditRules.Deal, $"{label}: {card} is dealt twice (seats {owner[card]} and {seat})");
                    }
                }
            }

            var missing = HokmShuffle.OrderedDeck.Where(card => !owner.ContainsKey(card)).ToList();
            if (missing.Count > 0)
            {
                log.Add(AuditRules.Deal, $"{label}: the deal is missing {Cards(missing)}");
            }
        }

        if (hand.FirstFive is not { } firstFive)
        {
            return;
        }

        for (var seat = 0; seat < 4; seat++)
        {
            var five = firstFive[seat];
            if (five.Count != 5 || five.Distinct().Count() != 5)
            {
                log.Add(AuditRules.Deal, $"{label}: seat {seat}'s first five are [{Cards(five)}], expected 5 distinct cards");
            }

            if (hand.Deal is { } dealt && five.Where(card => !dealt[seat].Contains(card)).ToList() is { Count: > 0 } strays)
            {
                log.Add(AuditRules.Deal, $"{label}: seat {seat}'s first five include {Cards(strays)}, which are not in its deal");
            }
        }
    }

    /// <summary>One violation per hand at most: a wrong seed would otherwise repeat eight times a hand.</summary>
    private void CheckSeedDeal(HandRecord hand, string label)
    {
        if (seed is null || hand.Hakem is not { } hakem || (hand.Deal is null && hand.FirstFive is null))
        {
            return;
        }

        var deck = HokmShuffle.Deck(seed, hand.Position);
        var differences = new List<string>();
        string? example = null;
        for (var seat = 0; seat < 4; seat++)
        {
            var expected = HokmShuffle.DealtTo(deck, hakem, seat);

            // Order within a seat's cards is not part of the format (an engine may sort a hand).
            if (hand.Deal is { } deal && !SameCards(deal[seat], expected))
            {
                differences.Add($"seat {seat}'s deal");
                example ??= $"seat {seat} should hold [{Cards(expected)}], recorded [{Cards(deal[seat])}]";
            }

            var packet = expected.Take(5).ToList();
            if (hand.FirstFive is { } firstFive && !SameCards(firstFive[seat], packet))
            {
                differences.Add($"seat {seat}'s first five");
                example ??= $"seat {seat}'s first packet is [{Cards(packet)}], recorded [{Cards(firstFive[seat])}]";
            }
        }

        if (differences.Count > 0)
        {
            log.Add(
                AuditRules.SeedDeal,
                $"{label}: not what deck {hand.Position} of the seed deals from Hakem seat {hakem} ({string.Join(", ", differences)} differ); {example}");
        }
    }

    /// <summary>Checks an automatic trump; returns the trump the rules give (the recorded one unless auto).</summary>
    private Suit? CheckAutoTrump(HandRecord hand, string label)
    {
        if (hand.TrumpAuto != true || hand.Hakem is not { } hakem || hand.FirstFive is not { } firstFive || firstFive[hakem].Count == 0)
        {
            return hand.Trump;
        }

        var expected = HokmRules.AutoTrump(firstFive[hakem]);
        if (hand.Trump is { } trump && expected != trump)
        {
            log.Add(
                AuditRules.TrumpAuto,
                $"{label}: trump was chosen automatically as {Card.SuitLetter(trump)}, but Hakem seat {hakem}'s first five [{Cards(firstFive[hakem])}] give {Card.SuitLetter(expected)}");
        }

        return expected;
    }

    private static int? Winner(IReadOnlyList<SeatCard> plays, Suit? trump) =>
        plays.Count == 4 && trump is { } suit ? plays[HokmRules.TrickWinner([.. plays.Select(p => p.Card)], suit)].Seat : null;

    private static bool? HasSeven(TeamScore? tricks) =>
        tricks is { } t ? t.A >= TricksToWin || t.B >= TricksToWin : null;

    private static bool IsFinished(TeamScore? tricks) =>
        tricks is { } t && ((t.A == TricksToWin && t.B < TricksToWin) || (t.B == TricksToWin && t.A < TricksToWin));

    private static Team? WinnerOf(TeamScore? finished) =>
        finished is { } t ? (t.A == TricksToWin ? Team.A : Team.B) : null;

    private static Kot? KotOf(TeamScore? finished, int? hakem) =>
        WinnerOf(finished) is { } winner && hakem is { } h
            ? HokmRules.KotOf(winner, finished!.Value.For(winner == Team.A ? Team.B : Team.A), h)
            : null;

    private static bool SameCards(IReadOnlyList<Card> recorded, IReadOnlyList<Card> expected) =>
        recorded.Count == expected.Count && new HashSet<Card>(recorded).SetEquals(expected);

    private static string KotText(Kot kot) => kot switch
    {
        Kot.Kot => "kot",
        Kot.HakemKot => "hakem_kot",
        _ => "none",
    };

    private static string Cards(IEnumerable<Card> cards) => string.Join(" ", cards);
}
