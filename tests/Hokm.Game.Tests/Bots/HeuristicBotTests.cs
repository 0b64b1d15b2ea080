using Hokm.Game.Bots;
using Hokm.Game.Cards;
using Hokm.Game.Rules;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Bots;

public sealed class HeuristicBotTests
{
    private static Card Choose(HokmGame game) =>
        HeuristicBot.Instance.ChooseCard(BotDriver.PlayContextFor(game, game.Turn!.Value));

    private static HokmGame Table(Suit trump, int leader, string trick, params string[] hands) =>
        Playing(trump, hakem: 0, leader, hands, new TeamScore(5, 5), trick: trick);

    [Fact]
    public void Names_its_strongest_suit_as_trump()
    {
        var context = new TrumpContext(0, CardSet.Parse("2H 5H 9H AS KD"), default, 1, 7);
        Assert.Equal(Suit.Hearts, HeuristicBot.Instance.ChooseTrump(context));
        var honours = new TrumpContext(0, CardSet.Parse("2H 3H AS KS 4D"), default, 1, 7);
        Assert.Equal(Suit.Spades, HeuristicBot.Instance.ChooseTrump(honours));
    }

    [Fact]
    public void Wins_with_the_lowest_winning_card_when_last()
    {
        // Seat 3 plays last; the opponents' 10H is winning.
        var game = Table(Suit.Clubs, 0, "5H 2H 10H", "2D 3D", "4D 5D", "6D 7D", "JH KH AH");
        Assert.Equal(C("JH"), Choose(game));
    }

    [Fact]
    public void Does_not_overtake_a_partner_who_is_winning()
    {
        // Seat 3's partner (seat 1) is winning with AH.
        var game = Table(Suit.Clubs, 0, "5H AH 2H", "2D 3D", "4D 5D", "6D 7D", "3H KH 2C");
        Assert.Equal(C("3H"), Choose(game));
    }

    [Fact]
    public void Trumps_when_void_and_the_opponents_would_take_the_trick()
    {
        var game = Table(Suit.Clubs, 0, "5H 2H AH", "2D 3D", "4D 5D", "6D 7D", "10C 2C 9S");
        Assert.Equal(C("2C"), Choose(game));
    }

    [Fact]
    public void Overtrumps_cheaply_when_an_opponent_has_trumped()
    {
        var game = Table(Suit.Clubs, 0, "5H 2H 9C", "2D 3D", "4D 5D", "6D 7D", "10C KC 9S");
        Assert.Equal(C("10C"), Choose(game));
    }

    [Fact]
    public void Discards_low_when_the_partner_has_the_trick()
    {
        var game = Table(Suit.Clubs, 0, "5H AH 2H", "2D 3D", "4D 5D", "6D 7D", "2C KS 8D");
        Assert.Equal(C("8D"), Choose(game));
    }

    [Fact]
    public void Plays_low_when_it_cannot_win()
    {
        // Seat 0 must follow hearts, but seat 3 has trumped.
        var game = Table(Suit.Clubs, 1, "AH 5H 3C", "4H KH QS", "2D 3D", "4D 5D", "6D 7D");
        Assert.Equal(C("4H"), Choose(game));
    }
}
