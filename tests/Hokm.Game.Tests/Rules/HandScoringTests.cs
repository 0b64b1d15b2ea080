using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Rules;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Rules;

public sealed class HandScoringTests
{
    private static readonly string[] SweepHands =
    [
        "AS KS QS JS 10S 9S 8S",
        "2H 3H 4H 5H 6H 7H 8H",
        "2D 3D 4D 5D 6D 7D 8D",
        "2C 3C 4C 5C 6C 7C 8C",
    ];

    private static IReadOnlyList<GameEvent> PlayTrick(HokmGame game, params string[] cards)
    {
        var events = new List<GameEvent>();
        foreach (var card in cards)
        {
            var result = game.PlayCard(game.Turn!.Value, C(card));
            Assert.True(result.IsAccepted, result.Rejection?.Message);
            events.AddRange(result.Events);
        }

        return events;
    }

    [Fact]
    public void Hand_ends_when_a_team_reaches_seven_tricks()
    {
        var game = Playing(Suit.Clubs, hakem: 0, leader: 0, ["AH 2D", "3H 4D", "5H 6D", "7H 8D"], new TeamScore(6, 5));

        var events = PlayTrick(game, "AH", "3H", "5H", "7H");

        var over = Assert.Single(events.OfType<HandOver>());
        Assert.Equal(new TeamScore(7, 5), over.Tricks);
        Assert.Equal(GamePhase.HandOver, game.Phase);
        Assert.Null(game.Turn);
        Assert.Equal(1, game.HandCount(0)); // the remaining cards are not played
        Assert.Equal(RejectionCode.WrongPhase, game.PlayCard(0, C("2D")).Rejection?.Code);
    }

    [Fact]
    public void The_team_with_seven_tricks_scores_one_point_when_the_opponents_took_some()
    {
        var game = Playing(Suit.Clubs, hakem: 0, leader: 0, ["AH 2D", "3H 4D", "5H 6D", "7H 8D"], new TeamScore(6, 5), score: new TeamScore(2, 3));
        var over = Assert.Single(PlayTrick(game, "AH", "3H", "5H", "7H").OfType<HandOver>());
        Assert.Equal((Team.A, 1, Kot.None), (over.Team, over.Points, over.Kot));
        Assert.Equal(new TeamScore(3, 3), over.Score);
        Assert.Equal(new TeamScore(3, 3), game.Score);
    }

    [Fact]
    public void Hakem_team_sweep_scores_two_points()
    {
        var game = Playing(Suit.Spades, hakem: 0, leader: 0, SweepHands, new TeamScore(6, 0));
        var over = Assert.Single(PlayTrick(game, "AS", "2H", "2D", "2C").OfType<HandOver>());
        Assert.Equal((Team.A, 2, Kot.Kot), (over.Team, over.Points, over.Kot));
        Assert.Equal(new TeamScore(2, 0), over.Score);
    }

    [Fact]
    public void Opponents_sweep_scores_three_points()
    {
        var game = Playing(Suit.Spades, hakem: 2, leader: 1, [SweepHands[1], SweepHands[0], SweepHands[2], SweepHands[3]], new TeamScore(0, 6));
        var over = Assert.Single(PlayTrick(game, "AS", "2D", "2C", "2H").OfType<HandOver>());
        Assert.Equal((Team.B, 3, Kot.HakemKot), (over.Team, over.Points, over.Kot));
        Assert.Equal(new TeamScore(0, 3), over.Score);
    }

    [Fact]
    public void Hakem_stays_when_his_team_wins()
    {
        var game = Playing(Suit.Clubs, hakem: 2, leader: 0, ["AH 2D", "3H 4D", "5H 6D", "7H 8D"], new TeamScore(6, 5));
        Assert.Equal(2, Assert.Single(PlayTrick(game, "AH", "3H", "5H", "7H").OfType<HandOver>()).NextHakem);

        var next = game.StartNextHand();

        var chosen = Assert.IsType<HakemChosen>(next.Events[0]);
        Assert.Equal((2, 2), (chosen.HandNumber, chosen.Seat));
        Assert.Empty(chosen.Draws);
        Assert.Equal(2, game.Hakem);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    public void Hakem_passes_to_next_seat_when_his_team_loses(int hakem, int expectedNext)
    {
        var game = Playing(Suit.Clubs, hakem, leader: 1, ["3H 4D", "AH 2D", "5H 6D", "7H 8D"], new TeamScore(5, 6));
        Assert.Equal(expectedNext, Assert.Single(PlayTrick(game, "AH", "5H", "7H", "3H").OfType<HandOver>()).NextHakem);
        game.StartNextHand();
        Assert.Equal(expectedNext, game.Hakem);
    }

    [Fact]
    public void Hakem_seat_wraps_from_three_to_zero()
    {
        var game = Playing(Suit.Clubs, hakem: 3, leader: 0, ["AH 2D", "3H 4D", "5H 6D", "7H 8D"], new TeamScore(6, 5));
        Assert.Equal(0, Assert.Single(PlayTrick(game, "AH", "3H", "5H", "7H").OfType<HandOver>()).NextHakem);
    }

    [Fact]
    public void Next_hand_is_a_fresh_deal_of_the_next_deck_from_the_Hakem()
    {
        var game = Playing(Suit.Clubs, hakem: 1, leader: 0, ["3H 4D", "AH 2D", "5H 6D", "7H 8D"], new TeamScore(5, 6));
        PlayTrick(game, "3H", "AH", "5H", "7H");

        var events = game.StartNextHand().Events;

        var deck = Hokm.Game.Shuffling.HokmShuffle.Deck("table", 2);
        var dealt = events.OfType<CardsDealt>().ToList();
        Assert.Equal([1, 2, 3, 0], dealt.Select(d => d.Seat));
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(deck.Skip(5 * k).Take(5), dealt[k].Cards);
        }

        Assert.Equal(GamePhase.ChoosingTrump, game.Phase);
        Assert.Equal((2, new TeamScore(0, 0), new TeamScore(0, 1)), (game.HandNumber, game.Tricks, game.Score));
    }
}
