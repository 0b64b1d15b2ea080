namespace Hokm.Audit.Tests;

/// <summary>
/// Known answers for hokm-shuffle/1. The expected decks were computed with an independent
/// throwaway implementation (Python: hashlib.sha256, 128-bit integer products) from the text of
/// docs/shuffle.md alone.
/// </summary>
public sealed class HokmShuffleTests
{
    private const string Seed42Deck0 =
        "7D 8C 5H 4H 9D 5S AD 10C 10H KC 4S AS 5C 4D 10D 2C 8S JH KH 6S JS 3D AH QD 7C 7S " +
        "6D 4C JD 3C 2H 8H QC AC QH 6H KS QS JC 8D KD 7H 2S 3H 9S 10S 6C 3S 9H 5D 9C 2D";

    private const string Seed42Deck1 =
        "2S 4S 8S 10S QH QS KC 2C 7D 4H 9S KS QC 5S AS KH 5H KD JD 10D 8D 4C JC 8C 2H 4D " +
        "6H 10C 9H 10H AH 5C QD 7S 7H JH AD 7C 6S 9D 3D 5D JS 6D 6C 8H 3C 3H 9C 2D AC 3S";

    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_outputs_for_state_1_2_3_4()
    {
        var random = new Xoshiro256StarStar(1, 2, 3, 4);

        ulong[] outputs = [random.Next(), random.Next(), random.Next(), random.Next(), random.Next(), random.Next()];

        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL, 1216172134540287360UL, 607988272756665600UL], outputs);
    }

    [Fact]
    public void Xoshiro256StarStar_refuses_the_all_zero_state() =>
        Assert.Throws<ArgumentException>(() => new Xoshiro256StarStar(0, 0, 0, 0));

    [Fact]
    public void Below_takes_the_high_word_of_the_128_bit_product()
    {
        var reference = new Xoshiro256StarStar(5, 6, 7, 8);
        var random = new Xoshiro256StarStar(5, 6, 7, 8);
        for (var k = 1; k <= 52; k++)
        {
            var expected = (int)(((UInt128)reference.Next() * (ulong)k) >> 64);
            Assert.Equal(expected, random.Below(k));
        }
    }

    [Fact]
    public void Ordered_deck_is_spades_hearts_diamonds_clubs_two_to_ace()
    {
        var deck = HokmShuffle.OrderedDeck;

        Assert.Equal(52, deck.Count);
        Assert.Equal("2S", deck[0].ToString());
        Assert.Equal("AS", deck[12].ToString());
        Assert.Equal("2H", deck[13].ToString());
        Assert.Equal("AC", deck[51].ToString());
    }

    [Fact]
    public void Seed_42_0_deck_0_is_the_known_answer()
    {
        var deck = HokmShuffle.Deck("42-0", 0);

        Assert.Equal("7D 8C 5H 4H 9D 5S AD 10C", string.Join(' ', deck.Take(8)));
        Assert.Equal(Seed42Deck0, string.Join(' ', deck));
    }

    [Fact]
    public void Seed_42_0_deck_1_is_the_known_answer()
    {
        var deck = HokmShuffle.Deck("42-0", 1);

        Assert.Equal("2S 4S 8S 10S QH QS KC 2C", string.Join(' ', deck.Take(8)));
        Assert.Equal(Seed42Deck1, string.Join(' ', deck));
    }

    [Fact]
    public void Seed_abc_deck_0_starts_with_the_known_answer() =>
        Assert.Equal("8S 3H KS 4C 7H QC 7S 5H", string.Join(' ', HokmShuffle.Deck("abc", 0).Take(8)));

    [Theory]
    [InlineData("42-0", 0)]
    [InlineData("42-0", 1)]
    [InlineData("", 0)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 13)]
    [InlineData("héllo ♠", 2)]
    public void Every_deck_is_a_permutation_of_the_52_cards(string seed, int n)
    {
        var deck = HokmShuffle.Deck(seed, n);

        Assert.Equal(52, deck.Count);
        Assert.Equal(HokmShuffle.OrderedDeck.ToHashSet(), deck.ToHashSet());
    }

    [Fact]
    public void The_same_seed_and_hand_give_the_same_deck() =>
        Assert.Equal(HokmShuffle.Deck("42-7", 3), HokmShuffle.Deck("42-7", 3));

    [Fact]
    public void Each_hand_number_and_each_seed_gives_a_different_deck()
    {
        var decks = Enumerable.Range(0, 10).Select(n => string.Join(' ', HokmShuffle.Deck("42-0", n)))
            .Concat(Enumerable.Range(1, 10).Select(i => string.Join(' ', HokmShuffle.Deck($"42-{i}", 0))))
            .ToList();

        Assert.Equal(decks.Count, decks.Distinct().Count());
    }

    [Fact]
    public void Face_up_draw_for_seed_42_0_stops_at_the_ace_of_diamonds_on_seat_2()
    {
        var deck = HokmShuffle.Deck("42-0", 0);

        var firstAce = deck.ToList().FindIndex(c => c.Rank == 14);

        Assert.Equal(6, firstAce);
        Assert.Equal("AD", deck[firstAce].ToString());
        Assert.Equal(2, firstAce % 4);
    }

    [Fact]
    public void Deal_gives_the_hakem_the_first_packet_then_goes_round_in_5_4_4_packets()
    {
        var deck = HokmShuffle.Deck("42-0", 1);

        // Hakem seat 2: seat 2 gets deck[0..5), seat 3 deck[5..10), seat 0 deck[10..15), seat 1 deck[15..20).
        Assert.Equal(deck.Take(5), HokmShuffle.DealtTo(deck, 2, 2).Take(5));
        Assert.Equal(deck.Skip(10).Take(5), HokmShuffle.DealtTo(deck, 2, 0).Take(5));
        Assert.Equal([.. deck.Skip(15).Take(5), .. deck.Skip(32).Take(4), .. deck.Skip(48).Take(4)], HokmShuffle.DealtTo(deck, 2, 1));

        var all = Enumerable.Range(0, 4).SelectMany(seat => HokmShuffle.DealtTo(deck, 2, seat)).ToList();
        Assert.Equal(52, all.Distinct().Count());
    }
}
