using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Rules;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Rules;

public sealed class TrumpChoiceTests
{
    [Fact]
    public void Only_the_Hakem_names_trump()
    {
        var (game, _) = HokmGame.Create("42");
        Assert.Equal(0, game.Hakem);
        var before = State(game);

        var refused = game.ChooseTrump(1, Suit.Hearts);

        Assert.Equal(RejectionCode.NotHakem, refused.Rejection?.Code);
        Assert.Equal(before, State(game));
        var chosen = Assert.IsType<TrumpChosen>(game.ChooseTrump(0, Suit.Hearts).Events[0]);
        Assert.Equal(new TrumpChosen(1, Suit.Hearts, 0, false), chosen);
        Assert.Equal(Suit.Hearts, game.Trump);
        Assert.Equal(GamePhase.Playing, game.Phase);
    }

    [Theory]
    [InlineData("2C 3C 4C AS KH", Suit.Clubs)]
    [InlineData("2H 3H 4S KS AD", Suit.Spades)]
    [InlineData("AH 2H QS KS 3D", Suit.Hearts)]
    [InlineData("AH 2H AS 3S 5D", Suit.Spades)]
    [InlineData("2S 2H 2D 2C AC", Suit.Clubs)]
    [InlineData("AS KS AH KH 2D", Suit.Spades)]
    public void Auto_trump_takes_the_longest_suit_ties_by_highest_card(string five, Suit expected) =>
        Assert.Equal(expected, HokmGame.AutoTrump(CardSet.Parse(five)));

    [Fact]
    public void Timeout_chooses_trump_for_the_Hakem_and_says_so()
    {
        var (game, start) = HokmGame.Create("hokm");
        var hakemFive = CardSet.Of(start.OfType<CardsDealt>().Single(d => d.Seat == game.Hakem).Cards);

        var events = game.ChooseTrumpAutomatically().Events;

        var chosen = Assert.IsType<TrumpChosen>(events[0]);
        Assert.True(chosen.Auto);
        Assert.Equal(HokmGame.AutoTrump(hakemFive), chosen.Suit);
        Assert.True(game.TrumpAuto);
    }

    [Fact]
    public void Trump_cannot_be_chosen_twice()
    {
        var (game, _) = HokmGame.Create("42");
        game.ChooseTrump(0, Suit.Clubs);
        Assert.Equal(RejectionCode.WrongPhase, game.ChooseTrump(0, Suit.Hearts).Rejection?.Code);
        Assert.Equal(RejectionCode.WrongPhase, game.ChooseTrumpAutomatically().Rejection?.Code);
    }
}
