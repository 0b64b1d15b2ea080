using Hokm.Game.Cards;

namespace Hokm.Game.Tests.Cards;

public sealed class CardTests
{
    [Fact]
    public void Every_card_round_trips_through_protocol_notation()
    {
        for (var i = 0; i < Card.DeckSize; i++)
        {
            var card = Card.FromIndex(i);
            Assert.Equal(card, Card.Parse(card.ToString()));
        }
    }

    [Theory]
    [InlineData("AS", Rank.Ace, Suit.Spades)]
    [InlineData("10H", Rank.Ten, Suit.Hearts)]
    [InlineData("QD", Rank.Queen, Suit.Diamonds)]
    [InlineData("2C", Rank.Two, Suit.Clubs)]
    [InlineData("jh", Rank.Jack, Suit.Hearts)]
    [InlineData("kS", Rank.King, Suit.Spades)]
    public void Cards_are_written_rank_then_suit_letter(string text, Rank rank, Suit suit)
    {
        var card = Card.Parse(text);
        Assert.Equal(rank, card.Rank);
        Assert.Equal(suit, card.Suit);
        Assert.Equal(text.ToUpperInvariant(), card.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("S")]
    [InlineData("1H")]
    [InlineData("11H")]
    [InlineData("010H")]
    [InlineData("TH")]
    [InlineData("AX")]
    [InlineData("0S")]
    [InlineData(" AS")]
    [InlineData("AS ")]
    [InlineData("A S")]
    [InlineData("SA")]
    [InlineData("10")]
    [InlineData("1OH")]
    public void Malformed_cards_are_rejected(string text)
    {
        Assert.False(Card.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Card.Parse(text));
    }

    [Fact]
    public void Null_is_not_a_card() => Assert.False(Card.TryParse((string?)null, out _));

    [Fact]
    public void Deck_index_follows_the_shuffle_spec_order()
    {
        Assert.Equal("2S", Card.FromIndex(0).ToString());
        Assert.Equal("AS", Card.FromIndex(12).ToString());
        Assert.Equal("2H", Card.FromIndex(13).ToString());
        Assert.Equal("AC", Card.FromIndex(51).ToString());
        Assert.Equal(12, new Card(Rank.Ace, Suit.Spades).Index);
    }

    [Fact]
    public void Out_of_range_cards_cannot_be_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Card.FromIndex(52));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Card((Rank)1, Suit.Spades));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Card(Rank.Ace, (Suit)4));
    }

    [Theory]
    [InlineData("S", Suit.Spades)]
    [InlineData("h", Suit.Hearts)]
    [InlineData("D", Suit.Diamonds)]
    [InlineData("C", Suit.Clubs)]
    public void Suits_are_single_letters(string text, Suit suit)
    {
        Assert.True(Suits.TryParse(text, out var parsed));
        Assert.Equal(suit, parsed);
        Assert.Equal(text.ToUpperInvariant(), suit.ToWireName());
    }

    [Theory]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("SS")]
    [InlineData(null)]
    public void Malformed_suits_are_rejected(string? text) => Assert.False(Suits.TryParse(text, out _));
}
