using Hokm.Game.Cards;

namespace Hokm.Game.Tests.Cards;

public sealed class CardSetTests
{
    [Fact]
    public void A_set_holds_each_card_once_and_enumerates_in_deck_order()
    {
        var set = CardSet.Parse("AS 2H 10S AS 3C");
        Assert.Equal(4, set.Count);
        Assert.Equal(["10S", "AS", "2H", "3C"], set.Select(c => c.ToString()));
    }

    [Fact]
    public void Suit_queries_find_the_highest_and_lowest_cards()
    {
        var set = CardSet.Parse("3H QH 7H AS 2D");
        Assert.Equal("QH", set.HighestOf(Suit.Hearts).ToString());
        Assert.Equal("3H", set.LowestOf(Suit.Hearts).ToString());
        Assert.Null(set.HighestOf(Suit.Clubs));
        Assert.Equal(3, set.CountOf(Suit.Hearts));
        Assert.Equal(["QH"], set.Above(Card.Parse("7H")).Select(c => c.ToString()));
    }

    [Fact]
    public void Set_algebra_works_on_the_masks()
    {
        var a = CardSet.Parse("AS KS QS");
        var b = CardSet.Parse("KS 2C");
        Assert.Equal(CardSet.Parse("AS KS QS 2C"), a.Union(b));
        Assert.Equal(CardSet.Parse("KS"), a.Intersect(b));
        Assert.Equal(CardSet.Parse("AS QS"), a.Except(b));
        Assert.True(a.Overlaps(b));
        Assert.Equal(52, CardSet.FullDeck.Count);
        Assert.Equal(13, CardSet.FullSuit(Suit.Diamonds).Count);
        Assert.Equal("KS", a.ElementAt(1).ToString());
    }
}
