using System.Security.Cryptography;
using System.Text;
using Hokm.Game.Cards;
using Hokm.Game.Rules;
using Hokm.Game.Shuffling;

namespace Hokm.Game.Tests.Shuffling;

/// <summary>Known answers computed by an independent implementation of docs/shuffle.md (Python, big integers).</summary>
public sealed class HokmShuffleTests
{
    private const string Deck42Hand1 =
        "AH 10C QS KS 4D QD QC KH 2S 3D 10D 8H QH JS 4H JD 2C 9D 7H 3S 8C 6H JH 7S 6S 5S 5H 2D 8S 6D KD 9H 6C 10H AC 4C " +
        "8D 4S KC 3H 5C 3C 2H 5D AD 10S 7D JC 9S 9C 7C AS";

    [Fact]
    public void Xoshiro_outputs_match_the_reference_for_the_key_of_seed_42_hand_1()
    {
        var rng = new Xoshiro256StarStar(SHA256.HashData(Encoding.UTF8.GetBytes("42:1")));
        Assert.Equal(4487265264301675360UL, rng.NextUInt64());
        Assert.Equal(16045397819356942106UL, rng.NextUInt64());
        Assert.Equal(16978482389497126688UL, rng.NextUInt64());
    }

    [Fact]
    public void Deck_for_seed_42_hand_1_matches_the_reference() =>
        Assert.Equal(Deck42Hand1, string.Join(' ', HokmShuffle.Deck("42", 1)));

    [Theory]
    [InlineData("42", 0, "AD 10S QC KH 9C KD 4D 2H QH QD")]
    [InlineData("42", 2, "AC JC 7D AD 5D 3C 9C 7H QC 4D")]
    [InlineData("hokm", 1, "AC 2S KH KS 6S JD 10H 10D 5H AH")]
    [InlineData("42-0", 0, "7D 8C 5H 4H 9D 5S AD 10C 10H KC")]
    public void Deck_tops_match_the_reference(string seed, int number, string top) =>
        Assert.Equal(top, string.Join(' ', HokmShuffle.Deck(seed, number).Take(10)));

    [Fact]
    public void Every_deck_is_a_permutation_of_the_52_cards()
    {
        for (var n = 0; n < 50; n++)
        {
            var deck = HokmShuffle.Deck("perm", n);
            Assert.Equal(CardSet.FullDeck, CardSet.Of(deck));
        }
    }

    [Fact]
    public void Below_takes_the_high_word_of_the_product()
    {
        var a = Xoshiro256StarStar.FromText("x");
        var b = Xoshiro256StarStar.FromText("x");
        for (var i = 0; i < 100; i++)
        {
            var k = (i % 52) + 1;
            var expected = (int)(((UInt128)b.NextUInt64() * (ulong)k) >> 64);
            Assert.Equal(expected, a.Below(k));
        }
    }

    [Theory]
    [InlineData("42", "0:AD")]
    [InlineData("42-0", "0:7D 1:8C 2:5H 3:4H 0:9D 1:5S 2:AD")]
    [InlineData("hokm", "0:10D 1:KH 2:10S 3:4D 0:AH")]
    [InlineData("seed-7", "0:JH 1:2D 2:10S 3:7C 0:9D 1:AS")]
    public void First_ace_in_the_face_up_deal_makes_its_receiver_Hakem(string seed, string expectedDraws)
    {
        var draws = HokmShuffle.FaceUpDraw(seed);
        Assert.Equal(expectedDraws, string.Join(' ', draws.Select(d => $"{d.Seat}:{d.Card}")));
        Assert.All(draws.SkipLast(1), d => Assert.NotEqual(Rank.Ace, d.Card.Rank));

        var (game, events) = HokmGame.Create(seed);
        Assert.Equal(draws[^1].Seat, game.Hakem);
        Assert.Equal(expectedDraws, string.Join(' ', ((Events.HakemChosen)events[0]).Draws.Select(d => $"{d.Seat}:{d.Card}")));
    }

    [Fact]
    public void Random_first_Hakem_comes_from_deck_zero_and_shows_no_draws()
    {
        // Deck 0 of seed 42 starts with AD, deck index 38: 38 mod 4 = 2.
        Assert.Equal(2, HokmShuffle.RandomFirstHakem("42"));
        var (game, events) = HokmGame.Create("42", new GameOptions { FirstHakem = FirstHakemSelection.Random });
        Assert.Equal(2, game.Hakem);
        Assert.Empty(((Events.HakemChosen)events[0]).Draws);
    }

    [Fact]
    public void Simulator_seeds_append_the_game_index() => Assert.Equal("42-7", HokmShuffle.SimulatorSeed("42", 7));

    [Fact]
    public void Seed_hash_is_lowercase_sha256_hex() =>
        Assert.Equal("73475cb40a568e8da8a045ced110137e159f890ac4da883b6b17dc651b3a8049", HokmShuffle.SeedHash("42"));
}
