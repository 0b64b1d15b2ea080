using Hokm.Audit.Records;

namespace Hokm.Audit.Checks;

/// <summary>
/// Checks a whole game: the seats, the face-up draw for the first Hakem, then hand by hand the
/// Hakem rotation and the running score, and finally that the game ended exactly at the target.
/// </summary>
/// <remarks>
/// Each derived value (a leader, a trick count, a Hakem, a running score, …) is accepted if it
/// follows by the rules either from the true history (the values the rules compute) or from the
/// record's own earlier values. Up to a record's first departure from the rules the two are the
/// same, so that departure is always reported; what merely follows from it, in either reading, is
/// not reported again in every trick and hand after it.
/// </remarks>
internal sealed class GameChecker(ViolationLog log)
{
    public void Check(GameRecord game)
    {
        CheckPlayers(game.PlayerSeats);
        var drawnHakem = CheckDraws(game.HakemDraws, game.Seed);
        CheckHands(game, drawnHakem);
    }

    private void CheckPlayers(IReadOnlyList<int>? seats)
    {
        if (seats is null)
        {
            return;
        }

        if (seats.Count != 4)
        {
            log.Add(AuditRules.Players, $"players: {seats.Count} players, expected 4");
        }

        foreach (var group in seats.GroupBy(seat => seat).Where(g => g.Count() > 1))
        {
            log.Add(AuditRules.Players, $"players: seat {group.Key} is taken {group.Count()} times");
        }

        foreach (var seat in Enumerable.Range(0, 4).Except(seats))
        {
            log.Add(AuditRules.Players, $"players: seat {seat} has no player");
        }
    }

    /// <summary>Checks the face-up draw; returns the seat that drew the ace, or null without a usable draw.</summary>
    private int? CheckDraws(IReadOnlyList<SeatCard>? draws, string? seed)
    {
        // Empty is the "random Hakem" option: there is nothing to check.
        if (draws is null || draws.Count == 0)
        {
            return null;
        }

        var wrongSeat = Enumerable.Range(0, draws.Count).FirstOrDefault(i => draws[i].Seat != i % 4, -1);
        if (wrongSeat >= 0)
        {
            log.Add(
                AuditRules.HakemDraw,
                $"hakemDraws[{wrongSeat}]: dealt to seat {draws[wrongSeat].Seat}, expected seat {wrongSeat % 4} (the draw goes round from seat 0)");
        }

        foreach (var group in draws.GroupBy(d => d.Card).Where(g => g.Count() > 1))
        {
            log.Add(AuditRules.HakemDraw, $"hakemDraws: {group.Key} is drawn {group.Count()} times");
        }

        var firstAce = Enumerable.Range(0, draws.Count).FirstOrDefault(i => draws[i].Card.Rank == 14, -1);
        if (firstAce < 0)
        {
            log.Add(AuditRules.HakemDraw, $"hakemDraws: {draws.Count} draw(s) and no ace; the draw stops at the first ace");
        }
        else if (firstAce != draws.Count - 1)
        {
            log.Add(
                AuditRules.HakemDraw,
                $"hakemDraws[{firstAce}]: {draws[firstAce].Card} is an ace but the draw goes on to {draws.Count} cards; it stops at the first ace");
        }

        if (seed is not null)
        {
            CheckSeedDraw(draws, seed);
        }

        return draws[^1].Seat;
    }

    private void CheckSeedDraw(IReadOnlyList<SeatCard> draws, string seed)
    {
        var deck = HokmShuffle.Deck(seed, 0);
        var aceAt = Enumerable.Range(0, deck.Count).First(i => deck[i].Rank == 14);
        var expected = deck.Take(aceAt + 1).ToList();
        var differsAt = Enumerable.Range(0, Math.Min(draws.Count, expected.Count)).FirstOrDefault(i => draws[i].Card != expected[i], -1);
        if (differsAt >= 0)
        {
            log.Add(
                AuditRules.SeedDraw,
                $"hakemDraws[{differsAt}]: {draws[differsAt].Card}, but deck 0 of the seed has {expected[differsAt]} there (expected draw: {string.Join(" ", expected)})");
        }
        else if (draws.Count != expected.Count)
        {
            log.Add(
                AuditRules.SeedDraw,
                $"hakemDraws: {draws.Count} draw(s), but deck 0 of the seed reaches its first ace after {expected.Count} (expected draw: {string.Join(" ", expected)})");
        }
    }

    private void CheckHands(GameRecord game, int? drawnHakem)
    {
        if (game.Hands is not { } hands)
        {
            return;
        }

        if (hands.Count == 0)
        {
            log.Add(AuditRules.GameEnd, "hands: the record has no hands; a finished game has at least one");
            return;
        }

        var checker = new HandChecker(log, game.Seed);
        var target = game.TargetScore;

        // Each chain two ways (see the remarks on the class): as the rules make it, and as recorded.
        TeamScore? scoreByRules = TeamScore.Zero;
        TeamScore? scoreByRecord = TeamScore.Zero;
        int? hakemByRules = null;
        int? hakemByRecord = null;
        HandOutcome? previous = null;
        var pastTargetReported = false;
        for (var i = 0; i < hands.Count; i++)
        {
            var hand = hands[i];
            var label = $"hand {hand.Position}";
            if (hand.Number is { } number && number != hand.Position)
            {
                log.Add(AuditRules.HandNumber, $"hands[{i}]: numbered {number}, expected {hand.Position}");
            }

            (hakemByRules, hakemByRecord) = previous is null
                ? CheckFirstHakem(hand, drawnHakem)
                : CheckRotation(hand, hakemByRules, hakemByRecord, previous, label);

            var outcome = checker.Check(hand);
            var expectedByRules = Add(scoreByRules, outcome.ByRules ?? outcome.ByRecord);
            var expectedByRecord = Add(scoreByRecord, outcome.ByRecord);
            if (hand.Score is { } score && (expectedByRules ?? expectedByRecord) is { } expected
                && score != expectedByRules && score != expectedByRecord)
            {
                var result = outcome.ByRules ?? outcome.ByRecord;
                log.Add(
                    AuditRules.RunningScore,
                    $"{label}: score is {score}, expected {expected} ({result?.Points} point(s) to team {result?.Winner})");
            }

            scoreByRules = expectedByRules ?? hand.Score;
            scoreByRecord = hand.Score ?? expectedByRecord;
            previous = outcome;
            if (!pastTargetReported && i < hands.Count - 1 && target is { } t
                && Reached(scoreByRules, t) != false && Reached(scoreByRecord, t) != false
                && (scoreByRules ?? scoreByRecord) is { } now && Leader(now, t) is { } team)
            {
                log.Add(
                    AuditRules.GameEnd,
                    $"hand {hand.Position + 1}: played after team {team} reached the target {t} in hand {hand.Position} ({now}); {hands.Count - 1 - i} hand(s) too many");
                pastTargetReported = true;
            }
        }

        CheckGameResult(game, scoreByRules, scoreByRecord, target);
    }

    private (int? ByRules, int? ByRecord) CheckFirstHakem(HandRecord hand, int? drawnHakem)
    {
        if (drawnHakem is { } drawn && hand.Hakem is { } hakem && hakem != drawn)
        {
            log.Add(AuditRules.HakemDraw, $"hand 1: Hakem is seat {hakem}, but seat {drawn} drew the first ace");
        }

        return (drawnHakem ?? hand.Hakem, hand.Hakem ?? drawnHakem);
    }

    private (int? ByRules, int? ByRecord) CheckRotation(
        HandRecord hand, int? previousByRules, int? previousByRecord, HandOutcome previous, string label)
    {
        int? byRules = previousByRules is { } r && (previous.ByRules ?? previous.ByRecord) is { } ruled
            ? HokmRules.NextHakem(r, ruled.Winner)
            : null;
        int? byRecord = previousByRecord is { } p && previous.ByRecord is { } recorded
            ? HokmRules.NextHakem(p, recorded.Winner)
            : null;
        if (hand.Hakem is { } hakem && (byRules ?? byRecord) is { } expected && hakem != byRules && hakem != byRecord)
        {
            var seat = previousByRules ?? previousByRecord;
            var result = (previous.ByRules ?? previous.ByRecord) is { } won && seat is { } s && HokmRules.TeamOf(s) == won.Winner ? "won" : "lost";
            log.Add(
                AuditRules.HakemRotation,
                $"{label}: Hakem is seat {hakem}, expected seat {expected} (Hakem seat {seat}'s team {result} hand {hand.Position - 1})");
        }

        return (byRules ?? hand.Hakem, hand.Hakem ?? byRecord);
    }

    private void CheckGameResult(GameRecord game, TeamScore? byRules, TeamScore? byRecord, int? target)
    {
        if ((byRules ?? byRecord) is not { } final)
        {
            return;
        }

        if (target is { } goal && Reached(byRules, goal) != true && Reached(byRecord, goal) != true)
        {
            log.Add(AuditRules.GameEnd, $"the game stopped at {final} before a team reached the target {goal}");
        }

        if (game.Score is { } score && score != byRules && score != byRecord)
        {
            log.Add(AuditRules.FinalScore, $"score is {score}, but the hands give {final}");
        }

        if (target is not { } t)
        {
            return;
        }

        // The record's winner may follow from the rules, from its last hand or from its own score.
        Team?[] winners = [Leader(byRules, t), Leader(byRecord, t), Leader(game.Score, t)];
        if (game.Winner is { } winner && winners.FirstOrDefault(w => w is not null) is { } expected && !winners.Contains(winner))
        {
            log.Add(AuditRules.Winner, $"winner is team {winner}, but team {expected} reached the target ({final})");
        }
    }

    private static TeamScore? Add(TeamScore? score, HandResult? result) =>
        score is { } s && result is { } r ? s.Add(r.Winner, r.Points) : null;

    /// <summary>The team at or past the target; only one team scores per hand, so there is at most one.</summary>
    private static Team? Leader(TeamScore? score, int target) =>
        score is not { } s ? null : s.A >= target ? Team.A : s.B >= target ? Team.B : null;

    private static bool? Reached(TeamScore? score, int target) => score is null ? null : Leader(score, target) is not null;
}
