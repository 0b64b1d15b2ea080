using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Rules;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Rules;

public sealed class TrickPlayTests
{
    // Five tricks each are done, so every seat holds 3 cards and nobody can reach 7 in this trick.
    private static HokmGame Table(Suit trump, params string[] hands) =>
        Playing(trump, hakem: 0, leader: 0, hands, tricks: new TeamScore(5, 5));

    [Fact]
    public void Hakem_leads_the_first_trick()
    {
        var (game, _) = HokmGame.Create("seed-7");
        game.ChooseTrump(game.Hakem, Suit.Hearts);
        Assert.Equal(game.Hakem, game.Turn);
        Assert.Equal(game.Hakem, game.CurrentTrick.Leader);
        var other = Seats.Next(game.Hakem);
        var result = game.PlayCard(other, game.HandOf(other).First());
        Assert.Equal(RejectionCode.NotYourTurn, result.Rejection?.Code);
    }

    [Fact]
    public void Play_goes_round_in_seat_order()
    {
        var game = Playing(Suit.Clubs, hakem: 0, leader: 3, ["2H 3H 4H", "5H 6H 7H", "8H 9H 10H", "JH QH KH"], new TeamScore(5, 5));
        Assert.Equal(3, game.Turn);
        game.PlayCard(3, C("JH"));
        Assert.Equal(0, game.Turn);
        game.PlayCard(0, C("2H"));
        Assert.Equal(1, game.Turn);
    }

    [Fact]
    public void Player_holding_led_suit_must_follow()
    {
        var game = Table(Suit.Clubs, "AH 2D 3D", "3H 4S 5S", "5H 6S 7S", "7H 8S 9S");
        game.PlayCard(0, C("AH"));
        var before = State(game);

        var result = game.PlayCard(1, C("4S"));

        Assert.Equal(RejectionCode.MustFollowSuit, result.Rejection?.Code);
        Assert.Equal(before, State(game));
        Assert.True(game.PlayCard(1, C("3H")).IsAccepted);
    }

    [Fact]
    public void Void_player_may_trump()
    {
        var game = Table(Suit.Clubs, "AH 2D 3D", "2C 4S 5S", "5H 6S 7S", "7H 8S 9S");
        game.PlayCard(0, C("AH"));
        Assert.True(game.PlayCard(1, C("2C")).IsAccepted);
        game.PlayCard(2, C("5H"));
        var won = Assert.Single(game.PlayCard(3, C("7H")).Events.OfType<TrickWon>());
        Assert.Equal(1, won.Seat);
        Assert.Equal(Team.B, won.Team);
    }

    [Fact]
    public void Void_player_may_discard_any_suit()
    {
        var game = Table(Suit.Clubs, "AH 2D 3D", "2C 4S 5S", "5H 6S 7S", "7H 8S 9S");
        game.PlayCard(0, C("AH"));
        Assert.True(game.PlayCard(1, C("4S")).IsAccepted);
    }

    [Fact]
    public void Highest_trump_wins_the_trick()
    {
        var game = Table(Suit.Spades, "AH 2D 3D", "3S 4D 5D", "9S 6D 7D", "KH 8D 9D");
        game.PlayCard(0, C("AH"));
        game.PlayCard(1, C("3S"));
        game.PlayCard(2, C("9S"));
        var won = Assert.Single(game.PlayCard(3, C("KH")).Events.OfType<TrickWon>());
        Assert.Equal(2, won.Seat);
        Assert.Equal(new TeamScore(6, 5), won.Tricks);
    }

    [Fact]
    public void Highest_card_of_the_led_suit_wins_when_no_trump_is_played()
    {
        var game = Table(Suit.Clubs, "5H 2D 3D", "AS 4D 5D", "9H 6D 7D", "7H 8D 9D");
        game.PlayCard(0, C("5H"));
        game.PlayCard(1, C("AS"));
        game.PlayCard(2, C("9H"));
        var won = Assert.Single(game.PlayCard(3, C("7H")).Events.OfType<TrickWon>());
        Assert.Equal(2, won.Seat);
    }

    [Fact]
    public void Trick_winner_leads_the_next_trick()
    {
        var game = Table(Suit.Clubs, "5H 2D 3D", "AH 4D 5D", "9H 6D 7D", "7H 8D 9D");
        game.PlayCard(0, C("5H"));
        game.PlayCard(1, C("AH"));
        game.PlayCard(2, C("9H"));
        game.PlayCard(3, C("7H"));
        Assert.Equal(1, game.Turn);
        Assert.Equal(1, game.CurrentTrick.Leader);
        Assert.Equal(0, game.CurrentTrick.Count);
    }

    [Fact]
    public void Each_play_reports_its_hand_and_trick_number()
    {
        var game = Table(Suit.Clubs, "5H 2D 3D", "AH 4D 5D", "9H 6D 7D", "7H 8D 9D");
        var played = Assert.IsType<CardPlayed>(Assert.Single(game.PlayCard(0, C("5H")).Events));
        Assert.Equal(new CardPlayed(1, 0, C("5H"), 11), played);
    }

    [Fact]
    public void The_leader_may_lead_any_card_including_trump()
    {
        var game = Table(Suit.Clubs, "2C 2D 3D", "AH 4D 5D", "9H 6D 7D", "7H 8D 9D");
        Assert.Equal(CardSet.Parse("2C 2D 3D"), game.LegalCards(0));
        Assert.True(game.PlayCard(0, C("2C")).IsAccepted);
    }
}
