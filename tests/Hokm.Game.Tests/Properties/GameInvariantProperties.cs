using System.Text.Json;
using FsCheck.Xunit;
using Hokm.Game.Bots;
using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Moves;
using Hokm.Game.Records;
using Hokm.Game.Rules;
using Hokm.Game.Serialization;
using Hokm.Game.Shuffling;

namespace Hokm.Game.Tests.Properties;

/// <summary>
/// RULES.md's invariants over 1,000 random seeded games per run: every move of every game is checked,
/// illegal alternatives are tried and must be refused without effect, and each game is replayed and
/// restored from a snapshot mid-way.
/// </summary>
public sealed class GameInvariantProperties
{
    private static readonly RecordPlayer[] Players = [.. Enumerable.Range(0, 4).Select(s => new RecordPlayer(s, null, "bot", true))];

    [Property(MaxTest = 1000, Arbitrary = [typeof(GameCases)])]
    public void Every_random_game_keeps_the_rules_invariants(GameCase c)
    {
        var seed = c.SeedText;
        var options = new GameOptions
        {
            TargetScore = c.TargetScore,
            FirstHakem = c.RandomFirstHakem ? FirstHakemSelection.Random : FirstHakemSelection.FaceUpDeal,
        };
        var rng = Xoshiro256StarStar.FromText(seed + ":test");
        var bots = new IHokmBot[4];
        for (var s = 0; s < 4; s++)
        {
            bots[s] = ((c.HeuristicSeats >> s) & 1) == 1 ? HeuristicBot.Instance : new RandomBot(rng);
        }

        var (game, start) = HokmGame.Create(seed, options);
        var tracker = new Tracker(game, options);
        tracker.Observe(start, game);
        var events = new List<GameEvent>(start);
        var moves = new List<GameMove>();

        while (game.Phase != GamePhase.GameOver)
        {
            Assert.True(moves.Count < 2000, "the game does not end");
            TryIllegalMoves(game, rng);
            var move = NextMove(game, bots, rng);
            var scoreBefore = game.Score;
            var result = game.Apply(move);
            Assert.True(result.IsAccepted, result.Rejection?.Message);
            if (!result.Events.OfType<HandOver>().Any())
            {
                Assert.Equal(scoreBefore, game.Score);
            }

            tracker.Observe(result.Events, game);
            events.AddRange(result.Events);
            moves.Add(move);
        }

        Assert.IsType<GameOver>(events[^1]);
        Assert.Equal(1, events.Count(e => e is GameOver));

        // Same seed, same moves: same game, event for event.
        var replay = HokmGame.Replay(seed, options, moves);
        Assert.True(replay.Succeeded);
        Assert.Equal(Json(events), Json(replay.Events));
        Assert.Equal(moves, GameMove.FromEvents(events));

        // A snapshot taken anywhere, through JSON, continues identically.
        var cut = rng.Below(moves.Count);
        var prefix = HokmGame.Replay(seed, options, moves.Take(cut));
        var restored = HokmGame.Restore(GameSnapshot.FromJson(prefix.Game.ToSnapshot().ToJson()));
        var rest = new List<GameEvent>();
        foreach (var move in moves.Skip(cut))
        {
            rest.AddRange(restored.Apply(move).Events);
        }

        Assert.Equal(Json(events.Skip(prefix.Events.Count).ToList()), Json(rest));

        // The events make a complete record.
        var builder = new GameRecordBuilder("g", seed, options.TargetScore, Players);
        builder.AddRange(events);
        Assert.Equal(game.Score, builder.Build().Score);
    }

    private static GameMove NextMove(HokmGame game, IHokmBot[] bots, Xoshiro256StarStar rng)
    {
        switch (game.Phase)
        {
            case GamePhase.ChoosingTrump:
                // Now and then let the clock run out, so auto trump is covered too.
                return rng.Below(6) == 0
                    ? new ChooseTrumpMove(game.Hakem, HokmGame.AutoTrump(game.HandOf(game.Hakem)), true)
                    : BotDriver.ChooseMove(game, bots[game.Hakem])!;
            case GamePhase.Playing:
                var seat = game.Turn!.Value;
                var context = BotDriver.PlayContextFor(game, seat);
                Assert.Equal(context.Hand, game.HandOf(seat));
                Assert.False(context.Unseen.Overlaps(context.Hand));
                var card = bots[seat].ChooseCard(context);
                Assert.True(context.Legal.Contains(card), $"bot {bots[seat].Name} chose an illegal {card}");
                return new PlayCardMove(seat, card);
            default:
                return NextHandMove.Instance;
        }
    }

    private static void TryIllegalMoves(HokmGame game, Xoshiro256StarStar rng)
    {
        var before = Fingerprint(game);
        void Refused(CommandResult result, RejectionCode code)
        {
            Assert.Equal(code, result.Rejection?.Code);
            Assert.Empty(result.Events);
            Assert.Equal(before, Fingerprint(game));
        }

        var anySeat = rng.Below(4);
        var anyCard = Card.FromIndex(rng.Below(52));
        Refused(game.PlayCard(4 + rng.Below(3), anyCard), RejectionCode.InvalidField);
        switch (game.Phase)
        {
            case GamePhase.ChoosingTrump:
                Refused(game.PlayCard(anySeat, anyCard), RejectionCode.WrongPhase);
                Refused(game.StartNextHand(), RejectionCode.WrongPhase);
                if (anySeat != game.Hakem)
                {
                    Refused(game.ChooseTrump(anySeat, (Suit)rng.Below(4)), RejectionCode.NotHakem);
                }

                break;
            case GamePhase.Playing:
                var seat = game.Turn!.Value;
                var hand = game.HandOf(seat);
                var led = game.CurrentTrick.LedSuit;
                Refused(game.ChooseTrump(game.Hakem, (Suit)rng.Below(4)), RejectionCode.WrongPhase);
                Refused(game.ChooseTrumpAutomatically(), RejectionCode.WrongPhase);
                Refused(game.StartNextHand(), RejectionCode.WrongPhase);
                var other = (seat + 1 + rng.Below(3)) % 4;
                if (!game.HandOf(other).IsEmpty)
                {
                    Refused(game.PlayCard(other, game.HandOf(other).ElementAt(rng.Below(game.HandOf(other).Count))), RejectionCode.NotYourTurn);
                }

                var notHeld = CardSet.FullDeck.Except(hand);
                Refused(game.PlayCard(seat, notHeld.ElementAt(rng.Below(notHeld.Count))), RejectionCode.CardNotInHand);

                // Every card the rules forbid must be refused; every card they allow must be legal.
                foreach (var card in hand)
                {
                    if (ReferenceRules.MayPlay(hand, led, card))
                    {
                        Assert.True(game.LegalCards(seat).Contains(card));
                    }
                    else
                    {
                        Refused(game.PlayCard(seat, card), RejectionCode.MustFollowSuit);
                    }
                }

                break;
            case GamePhase.HandOver:
                Refused(game.PlayCard(anySeat, anyCard), RejectionCode.WrongPhase);
                Refused(game.ChooseTrump(game.Hakem, Suit.Spades), RejectionCode.WrongPhase);
                break;
        }
    }

    private static string Fingerprint(HokmGame game) =>
        string.Join(
            '|',
            game.Phase,
            game.HandNumber,
            game.Hakem,
            game.Trump,
            game.CurrentTrick,
            game.Tricks,
            game.Score,
            game.HandOf(0).Bits,
            game.HandOf(1).Bits,
            game.HandOf(2).Bits,
            game.HandOf(3).Bits);

    private static string Json(IReadOnlyList<GameEvent> events) =>
        JsonSerializer.Serialize(events, HokmJsonContext.Default.IReadOnlyListGameEvent);

    /// <summary>Follows a game through its events alone and checks each against the rules.</summary>
    private sealed class Tracker(HokmGame game, GameOptions options)
    {
        private readonly List<SeatCard> _trick = [];
        private CardSet _completed;
        private int _hakem;
        private Suit? _trump;
        private int _handNumber;
        private int _tricksThisHand;
        private TeamScore _score;
        private int _expectedTurn = -1;
        private CardSet[] _hands = [];
        private bool _handOver;
        private bool _gameOver;

        public void Observe(IReadOnlyList<GameEvent> events, HokmGame after)
        {
            Assert.Same(game, after);
            for (var i = 0; i < events.Count; i++)
            {
                Assert.False(_gameOver, "an event after game over");
                Observe(events[i], i + 1 < events.Count ? events[i + 1] : null);
            }

            CheckState();
        }

        private void Observe(GameEvent e, GameEvent? next)
        {
            switch (e)
            {
                case HakemChosen h:
                    Assert.True(_handNumber == 0 || _handOver, "a hand started before the last one ended");
                    Assert.Equal(_handNumber + 1, h.HandNumber);
                    _handNumber = h.HandNumber;
                    _hakem = h.Seat;
                    _trump = null;
                    _trick.Clear();
                    _completed = CardSet.Empty;
                    _tricksThisHand = 0;
                    _handOver = false;
                    _hands = new CardSet[4];
                    if (h.HandNumber == 1 && options.FirstHakem == FirstHakemSelection.FaceUpDeal)
                    {
                        Assert.Equal(Rank.Ace, h.Draws[^1].Card.Rank);
                        Assert.Equal(h.Seat, h.Draws[^1].Seat);
                        Assert.DoesNotContain(h.Draws.SkipLast(1), d => d.Card.Rank == Rank.Ace);
                    }
                    else
                    {
                        Assert.Empty(h.Draws);
                    }

                    break;
                case CardsDealt d:
                    Assert.Equal(d.Seat, d.PrivateTo);
                    Assert.Equal(_trump is null ? 5 : 13, d.Cards.Count);
                    _hands[d.Seat] = CardSet.Of(d.Cards);
                    break;
                case TrumpChosen t:
                    Assert.Equal(_hakem, t.Seat);
                    _trump = t.Suit;
                    _expectedTurn = _hakem;
                    break;
                case CardPlayed p:
                    Assert.Equal(_expectedTurn, p.Seat);
                    Assert.True(ReferenceRules.MayPlay(_hands[p.Seat], _trick.Count == 0 ? null : _trick[0].Card.Suit, p.Card));
                    Assert.Equal(_tricksThisHand + 1, p.TrickNumber);
                    _hands[p.Seat] = _hands[p.Seat].Remove(p.Card);
                    _trick.Add(new SeatCard(p.Seat, p.Card));
                    _expectedTurn = (p.Seat + 1) % 4;
                    break;
                case TrickWon w:
                    Assert.Equal(4, _trick.Count);
                    Assert.Equal([0, 1, 2, 3], _trick.Select(p => p.Seat).Order());
                    Assert.Equal(ReferenceRules.TrickWinner(_trick, _trump!.Value), w.Seat);
                    Assert.Equal(w.Seat % 2 == 0 ? Team.A : Team.B, w.Team);
                    _tricksThisHand++;
                    Assert.Equal(_tricksThisHand, w.Tricks.A + w.Tricks.B);
                    Assert.True(_tricksThisHand <= 13);
                    foreach (var play in _trick)
                    {
                        _completed = _completed.Add(play.Card);
                    }

                    _trick.Clear();
                    _expectedTurn = w.Seat;

                    // The hand ends exactly when a team reaches seven, not before and not after.
                    Assert.Equal(w.Tricks.A == 7 || w.Tricks.B == 7, next is HandOver);
                    Assert.True(w.Tricks.A <= 7 && w.Tricks.B <= 7);
                    break;
                case HandOver o:
                    Assert.Equal(7, o.Tricks[o.Team]);
                    Assert.True(o.Tricks[o.Team == Team.A ? Team.B : Team.A] <= 6);
                    var points = ReferenceRules.HandPoints(o.Tricks, _hakem);
                    Assert.Equal(points, o.Points);
                    Assert.Equal(points == 1 ? Kot.None : points == 2 ? Kot.Kot : Kot.HakemKot, o.Kot);
                    _score = _score.Add(o.Team, points);
                    Assert.Equal(_score, o.Score);
                    Assert.Equal(o.Team == (_hakem % 2 == 0 ? Team.A : Team.B) ? _hakem : (_hakem + 1) % 4, o.NextHakem);
                    var reached = _score[o.Team] >= options.TargetScore;
                    Assert.Equal(reached, next is GameOver);
                    _handOver = true;
                    _expectedTurn = -1;
                    break;
                case GameOver g:
                    Assert.Equal(_score, g.Score);
                    Assert.True(_score[g.Team] >= options.TargetScore);
                    Assert.True(_score[g.Team == Team.A ? Team.B : Team.A] < options.TargetScore);
                    _gameOver = true;
                    break;
                default:
                    Assert.Fail($"unexpected event {e}");
                    break;
            }
        }

        private void CheckState()
        {
            // Conservation: hands + table + played (+ the undealt stock while trump is chosen) = the deck.
            var all = CardSet.Empty;
            var total = 0;
            for (var s = 0; s < 4; s++)
            {
                Assert.Equal(_hands[s], game.HandOf(s));
                all = all.Union(_hands[s]);
                total += _hands[s].Count;
            }

            var table = CardSet.Of(_trick.Select(p => p.Card));
            Assert.Equal(table, game.CurrentTrick.Cards);
            Assert.Equal(_completed, game.PlayedThisHand);
            all = all.Union(table).Union(_completed);
            total += table.Count + _completed.Count;
            if (_trump is null)
            {
                var deck = HokmShuffle.Deck(game.Seed, _handNumber);
                var stock = CardSet.Of(deck.Skip(20));
                all = all.Union(stock);
                total += stock.Count;
            }

            Assert.Equal(52, total);
            Assert.Equal(CardSet.FullDeck, all);
            Assert.Equal(_score, game.Score);
            Assert.Equal(_gameOver, game.Phase == GamePhase.GameOver);
            Assert.Equal(_expectedTurn >= 0 ? _expectedTurn : _trump is null && !_handOver ? _hakem : null, game.Turn);

            // No view ever shows another seat's cards.
            for (var s = 0; s < 4; s++)
            {
                var view = game.GetView(s);
                var shown = CardSet.Of(view.Hand).Union(CardSet.Of(view.Legal ?? [])).Union(CardSet.Of(view.Trick.Select(p => p.Card)));
                for (var other = 0; other < 4; other++)
                {
                    if (other != s)
                    {
                        Assert.False(shown.Overlaps(_hands[other]), $"seat {s} sees seat {other}'s cards");
                    }
                }

                Assert.Equal(_hands[s], CardSet.Of(view.Hand));
                Assert.Equal(view.HandCounts, _hands.Select(h => h.Count));
                if (_trick.Count == 0)
                {
                    var json = JsonSerializer.Serialize(view, HokmJsonContext.Default.SeatView);
                    for (var other = 0; other < 4; other++)
                    {
                        if (other != s)
                        {
                            Assert.All(_hands[other], card => Assert.DoesNotContain($"\"{card}\"", json, StringComparison.Ordinal));
                        }
                    }
                }
            }
        }
    }
}
