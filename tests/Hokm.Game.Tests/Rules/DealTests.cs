using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Rules;
using Hokm.Game.Shuffling;

namespace Hokm.Game.Tests.Rules;

public sealed class DealTests
{
    [Fact]
    public void First_five_go_to_each_seat_from_the_Hakem_in_packets_of_five()
    {
        var (game, events) = HokmGame.Create("42");

        Assert.Equal(0, game.Hakem);
        var dealt = events.OfType<CardsDealt>().ToDictionary(d => d.Seat, d => string.Join(' ', d.Cards));
        Assert.Equal("AH 10C QS KS 4D", dealt[0]);
        Assert.Equal("QD QC KH 2S 3D", dealt[1]);
        Assert.Equal("10D 8H QH JS 4H", dealt[2]);
        Assert.Equal("JD 2C 9D 7H 3S", dealt[3]);
        Assert.Equal(GamePhase.ChoosingTrump, game.Phase);
    }

    [Fact]
    public void After_trump_the_deal_goes_on_in_packets_of_four_then_four()
    {
        var (game, _) = HokmGame.Create("42");

        var dealt = game.ChooseTrump(0, Suit.Spades).Events.OfType<CardsDealt>().ToDictionary(d => d.Seat, d => string.Join(' ', d.Cards));

        Assert.Equal("AH 10C QS KS 4D 8C 6H JH 7S 8D 4S KC 3H", dealt[0]);
        Assert.Equal("QD QC KH 2S 3D 6S 5S 5H 2D 5C 3C 2H 5D", dealt[1]);
        Assert.Equal("10D 8H QH JS 4H 8S 6D KD 9H AD 10S 7D JC", dealt[2]);
        Assert.Equal("JD 2C 9D 7H 3S 6C 10H AC 4C 9S 9C 7C AS", dealt[3]);
    }

    [Fact]
    public void The_deal_starts_at_the_Hakem_whoever_that_is()
    {
        var (game, events) = HokmGame.Create("seed-7");
        Assert.Equal(1, game.Hakem);
        var deck = HokmShuffle.Deck("seed-7", 1);
        var dealt = events.OfType<CardsDealt>().ToList();
        Assert.Equal([1, 2, 3, 0], dealt.Select(d => d.Seat));

        var full = game.ChooseTrump(1, Suit.Hearts).Events.OfType<CardsDealt>().ToList();
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(deck[(5 * k)..((5 * k) + 5)].Concat(deck[(20 + (4 * k))..(24 + (4 * k))]).Concat(deck[(36 + (4 * k))..(40 + (4 * k))]), full[k].Cards);
            Assert.Equal(13, game.HandCount(full[k].Seat));
        }
    }

    [Fact]
    public void Dealt_cards_are_private_to_their_seat()
    {
        var (_, events) = HokmGame.Create("42");
        Assert.All(events.OfType<CardsDealt>(), d => Assert.Equal(d.Seat, d.PrivateTo));
        Assert.All(events.OfType<CardsDealt>(), d => Assert.False(d.IsVisibleTo((d.Seat + 1) % 4)));
        Assert.False(events[0].IsPrivate);
        Assert.True(events[0].IsVisibleTo(3));
    }
}
