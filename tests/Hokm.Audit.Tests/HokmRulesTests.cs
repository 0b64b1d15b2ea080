namespace Hokm.Audit.Tests;

public sealed class HokmRulesTests
{
    [Theory]
    [InlineData("5S 9S KS 2S", 'H', 2)]
    [InlineData("5S 9S 2H 2S", 'H', 2)]
    [InlineData("5S 3H 2H AS", 'H', 1)]
    [InlineData("5S AD AC KD", 'H', 0)]
    [InlineData("AH KH 2C QH", 'C', 2)]
    [InlineData("10C JC 9C 2C", 'C', 1)]
    public void Trick_goes_to_the_highest_trump_else_the_highest_card_of_the_led_suit(string plays, char trump, int winner)
    {
        Assert.True(Card.TryParseSuit(trump.ToString(), out var suit));

        Assert.Equal(winner, HokmRules.TrickWinner([.. plays.Split(' ').Select(Parse)], suit));
    }

    [Theory]
    [InlineData("2H 3H 4H AS KS", 'H')]
    [InlineData("2C 3C AS KD QH", 'C')]
    [InlineData("AS 2S KH QH 3D", 'S')]
    [InlineData("KS 2S AH 3H 4D", 'H')]
    [InlineData("AS 5S AH 9H 4D", 'H')]
    [InlineData("AS 5S AH 5H 4D", 'S')]
    [InlineData("AD 5D AC 5C 4H", 'D')]
    [InlineData("2S 3H 4D 5C 6C", 'C')]
    public void Automatic_trump_is_the_longest_suit_in_the_first_five_with_ties_to_the_highest_card_then_deck_order(string five, char expected)
    {
        var trump = HokmRules.AutoTrump([.. five.Split(' ').Select(Parse)]);

        Assert.Equal(expected, Card.SuitLetter(trump));
    }

    [Theory]
    [InlineData(Team.A, 3, 0, Kot.None, 1)]
    [InlineData(Team.A, 0, 0, Kot.Kot, 2)]
    [InlineData(Team.A, 0, 2, Kot.Kot, 2)]
    [InlineData(Team.B, 0, 0, Kot.HakemKot, 3)]
    [InlineData(Team.B, 0, 3, Kot.Kot, 2)]
    [InlineData(Team.B, 6, 1, Kot.None, 1)]
    public void Hand_points_are_one_two_for_kot_and_three_for_hakem_kot(Team winner, int loserTricks, int hakem, Kot kot, int points)
    {
        Assert.Equal(kot, HokmRules.KotOf(winner, loserTricks, hakem));
        Assert.Equal(points, HokmRules.Points(kot));
    }

    [Theory]
    [InlineData(0, Team.A, 0)]
    [InlineData(0, Team.B, 1)]
    [InlineData(3, Team.B, 3)]
    [InlineData(3, Team.A, 0)]
    public void Hakem_stays_after_a_win_and_passes_to_the_next_seat_after_a_loss(int hakem, Team winner, int next) =>
        Assert.Equal(next, HokmRules.NextHakem(hakem, winner));

    [Fact]
    public void Every_card_of_the_deck_round_trips_through_its_text()
    {
        foreach (var card in HokmShuffle.OrderedDeck)
        {
            Assert.True(Card.TryParse(card.ToString(), out var parsed));
            Assert.Equal(card, parsed);
        }
    }

    [Theory]
    [InlineData("1X")]
    [InlineData("1S")]
    [InlineData("11S")]
    [InlineData("as")]
    [InlineData("AX")]
    [InlineData("10")]
    [InlineData("S")]
    [InlineData("")]
    [InlineData(" AS")]
    [InlineData(null)]
    public void Anything_but_rank_then_upper_case_suit_is_not_a_card(string? text) =>
        Assert.False(Card.TryParse(text, out _));

    private static Card Parse(string text) => Card.TryParse(text, out var card) ? card : throw new ArgumentException(text);
}
