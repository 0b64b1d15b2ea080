using Hokm.Audit.Records;

namespace Hokm.Audit.Checks;

/// <summary>The trick replay and the hand's result.</summary>
internal sealed partial class HandChecker
{
    /// <summary>
    /// Replays the tricks. Returns the tricks per team counted by the rules' winners and by the
    /// recorded winners (up to the end of the hand), each null if unknown.
    /// </summary>
    private (TeamScore? ByRules, TeamScore? ByRecord) CheckTricks(HandRecord hand, Suit? rulesTrump, string label)
    {
        if (hand.Tricks is not { } tricks)
        {
            return (null, null);
        }

        // What each seat still holds; null once the card state is unknown or already inconsistent,
        // after which ownership and follow-suit are no longer checked in this hand.
        var held = hand.Deal?.Select(cards => new HashSet<Card>(cards)).ToArray();
        var (leaderByRules, leaderByRecord) = (hand.Hakem, hand.Hakem);
        TeamScore? byRules = TeamScore.Zero;
        TeamScore? byRecord = TeamScore.Zero;
        for (var i = 0; i < tricks.Count; i++)
        {
            var trick = tricks[i];
            var where = $"{label}, trick {i + 1}";
            if (HasSeven(byRules) != false && HasSeven(byRecord) != false && (byRules ?? byRecord) is { } counts)
            {
                var team = counts.A >= TricksToWin ? Team.A : Team.B;
                log.Add(
                    AuditRules.HandEnd,
                    $"{where}: played after team {team} had won 7 tricks; the hand ends there ({tricks.Count - i} trick(s) too many)");
                return (byRules, byRecord);
            }

            var leader = CheckLeader(trick.Leader, leaderByRules, leaderByRecord, i, where);
            int? winnerByRules = null;
            int? winnerByTrump = null;
            if (trick.Plays is { } plays)
            {
                CheckTurnOrder(plays, leader, where);
                if (held is not null && !ReplayPlays(plays, held, where))
                {
                    held = null;
                }

                winnerByRules = Winner(plays, rulesTrump);
                winnerByTrump = Winner(plays, hand.Trump);
                if (trick.Winner is { } recorded && (winnerByTrump ?? winnerByRules) is { } expected
                    && recorded != winnerByTrump && recorded != winnerByRules)
                {
                    var best = plays.First(p => p.Seat == expected);
                    log.Add(
                        AuditRules.TrickWinner,
                        $"{where}: recorded winner is seat {recorded}, but seat {expected} wins with {best.Card} (trump {(hand.Trump is { } t ? Card.SuitLetter(t) : '?')}, plays {string.Join(" ", plays.Select(p => p.Card))})");
                }
            }
            else
            {
                held = null;
            }

            leaderByRules = winnerByRules ?? trick.Winner;
            leaderByRecord = trick.Winner ?? winnerByTrump;
            byRules = leaderByRules is { } r ? byRules?.Add(HokmRules.TeamOf(r), 1) : null;
            byRecord = leaderByRecord is { } w ? byRecord?.Add(HokmRules.TeamOf(w), 1) : null;
        }

        if (HasSeven(byRules) != true && HasSeven(byRecord) != true && (byRules ?? byRecord) is { } final)
        {
            log.Add(
                AuditRules.HandEnd,
                $"{label}: stopped after {tricks.Count} trick(s) at {final} without a team reaching 7 tricks");
        }

        return (byRules, byRecord);
    }

    /// <summary>Checks the recorded leader; returns the leader the turn order is checked from.</summary>
    private int? CheckLeader(int? recorded, int? byRules, int? byRecord, int index, string where)
    {
        var expected = byRules ?? byRecord;
        if (recorded is not { } leader || expected is null || leader == byRules || leader == byRecord)
        {
            return recorded ?? expected;
        }

        var who = index == 0 ? "the Hakem" : $"the winner of trick {index}";
        log.Add(AuditRules.Leader, $"{where}: led by seat {leader}, expected seat {expected} ({who})");
        return expected;
    }

    private void CheckTurnOrder(IReadOnlyList<SeatCard> plays, int? leader, string where)
    {
        if (plays.Count != 4)
        {
            log.Add(AuditRules.TurnOrder, $"{where}: has {plays.Count} play(s), expected 4");
            return;
        }

        if (leader is { } first && Enumerable.Range(0, 4).Any(k => plays[k].Seat != (first + k) % 4))
        {
            log.Add(
                AuditRules.TurnOrder,
                $"{where}: played by seats {string.Join(", ", plays.Select(p => p.Seat))}, expected {string.Join(", ", Enumerable.Range(0, 4).Select(k => (first + k) % 4))}");
        }
    }

    /// <summary>Removes the trick's cards from the players' hands; false once a card was not held.</summary>
    private bool ReplayPlays(IReadOnlyList<SeatCard> plays, HashSet<Card>[] held, string where)
    {
        if (plays.Count == 0)
        {
            return true;
        }

        var led = plays[0].Card.Suit;
        for (var k = 0; k < plays.Count; k++)
        {
            var (seat, card) = plays[k];
            var cards = held[seat];
            if (!cards.Contains(card))
            {
                log.Add(
                    AuditRules.CardOwnership,
                    $"{where}: seat {seat} played {card}, which it does not hold (it holds [{Cards(cards)}]); card checks stop for this hand");
                return false;
            }

            if (k > 0 && card.Suit != led && cards.Where(c => c.Suit == led).ToList() is { Count: > 0 } ledCards)
            {
                log.Add(
                    AuditRules.FollowSuit,
                    $"{where}: seat {seat} played {card} on a {Card.SuitLetter(led)} lead while holding [{Cards(ledCards)}]");
            }

            cards.Remove(card);
        }

        return true;
    }

    private HandOutcome CheckResult(HandRecord hand, TeamScore? byRules, TeamScore? byRecord, string label)
    {
        if (hand.TricksWon is { } recorded && (byRules ?? byRecord) is { } counted && recorded != byRules && recorded != byRecord)
        {
            log.Add(AuditRules.TricksWon, $"{label}: tricksWon is {recorded}, but the tricks played give {counted}");
        }

        // The record's own view of the tricks: its tricksWon if that ends a hand, else its winners.
        var rulesTricks = IsFinished(byRules) ? byRules : null;
        var recordTricks = IsFinished(hand.TricksWon) ? hand.TricksWon : IsFinished(byRecord) ? byRecord : null;
        var winnerByRules = WinnerOf(rulesTricks);
        var winnerByRecord = WinnerOf(recordTricks);
        if (hand.Winner is { } winner && (winnerByRules ?? winnerByRecord) is { } expectedWinner
            && winner != winnerByRules && winner != winnerByRecord)
        {
            log.Add(AuditRules.HandWinner, $"{label}: winner is team {winner}, but team {expectedWinner} took 7 tricks ({rulesTricks ?? recordTricks})");
        }

        var kotByRules = KotOf(rulesTricks, hand.Hakem);
        var kotByRecord = KotOf(recordTricks, hand.Hakem);
        if (hand.Kot is { } kot && (kotByRules ?? kotByRecord) is { } expectedKot && kot != kotByRules && kot != kotByRecord)
        {
            log.Add(
                AuditRules.Kot,
                $"{label}: kot is {KotText(kot)}, expected {KotText(expectedKot)} ({rulesTricks ?? recordTricks}, Hakem seat {hand.Hakem} is on team {HokmRules.TeamOf(hand.Hakem ?? 0)})");
        }

        int? pointsByRules = kotByRules is { } a ? HokmRules.Points(a) : null;
        int? pointsByRecord = kotByRecord is { } b ? HokmRules.Points(b) : null;
        int? pointsByKot = hand.Kot is { } k ? HokmRules.Points(k) : null;
        if (hand.Points is { } points && (pointsByRules ?? pointsByRecord) is { } expectedPoints
            && points != pointsByRules && points != pointsByRecord && points != pointsByKot)
        {
            log.Add(AuditRules.HandPoints, $"{label}: points are {points}, expected {expectedPoints} ({KotText((kotByRules ?? kotByRecord)!.Value)}, {rulesTricks ?? recordTricks})");
        }

        return new HandOutcome(
            winnerByRules is { } w1 && pointsByRules is { } p1 ? new HandResult(w1, p1) : null,
            (hand.Winner ?? winnerByRecord) is { } w2 && (hand.Points ?? pointsByRecord) is { } p2 ? new HandResult(w2, p2) : null);
    }
}
