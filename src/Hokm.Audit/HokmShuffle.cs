using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hokm.Audit;

/// <summary>
/// hokm-shuffle/1 (docs/shuffle.md): every deck of a game derived from the game's seed, so a record
/// that carries its seed can be re-dealt and checked.
/// </summary>
public static class HokmShuffle
{
    /// <summary>The number of cards in the deck.</summary>
    public const int DeckSize = 52;

    /// <summary>
    /// The unshuffled deck: suits S, H, D, C, each 2…A. Index 0 is 2S, 12 is AS, 13 is 2H, 51 is AC.
    /// </summary>
    public static IReadOnlyList<Card> OrderedDeck { get; } =
        [.. Enum.GetValues<Suit>().SelectMany(suit => Enumerable.Range(2, 13).Select(rank => new Card(rank, suit)))];

    /// <summary>
    /// Deck <paramref name="n"/> of the game with <paramref name="seed"/>: 0 is the face-up draw for
    /// the first Hakem, 1 the first hand's deal, 2 the second's, … Index 0 is the top card.
    /// </summary>
    public static IReadOnlyList<Card> Deck(string seed, int n)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentOutOfRangeException.ThrowIfNegative(n);

        var key = SHA256.HashData(Encoding.UTF8.GetBytes(seed + ":" + n.ToString(CultureInfo.InvariantCulture)));
        var random = new Xoshiro256StarStar(
            BinaryPrimitives.ReadUInt64LittleEndian(key.AsSpan(0, 8)),
            BinaryPrimitives.ReadUInt64LittleEndian(key.AsSpan(8, 8)),
            BinaryPrimitives.ReadUInt64LittleEndian(key.AsSpan(16, 8)),
            BinaryPrimitives.ReadUInt64LittleEndian(key.AsSpan(24, 8)));

        var deck = OrderedDeck.ToArray();
        for (var i = DeckSize - 1; i >= 1; i--)
        {
            var j = random.Below(i + 1);
            (deck[i], deck[j]) = (deck[j], deck[i]);
        }

        return deck;
    }

    /// <summary>
    /// The cards seat <paramref name="seat"/> receives from <paramref name="deck"/> when
    /// <paramref name="hakem"/> deals 5-4-4 starting with themself, in the order received: the
    /// first five are the packet the Hakem names trump from.
    /// </summary>
    public static IReadOnlyList<Card> DealtTo(IReadOnlyList<Card> deck, int hakem, int seat)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentOutOfRangeException.ThrowIfNotEqual(deck.Count, DeckSize);
        ArgumentOutOfRangeException.ThrowIfNegative(hakem);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hakem, 3);
        ArgumentOutOfRangeException.ThrowIfNegative(seat);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seat, 3);

        // Position of the seat in dealing order: the Hakem is served first.
        var k = (seat - hakem + 4) % 4;
        return
        [
            .. deck.Skip(5 * k).Take(5),
            .. deck.Skip(20 + (4 * k)).Take(4),
            .. deck.Skip(36 + (4 * k)).Take(4),
        ];
    }
}
