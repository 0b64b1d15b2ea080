using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Game.Shuffling;

/// <summary>
/// The shuffle spec hokm-shuffle/1 (docs/shuffle.md): every deck of a game is derived from its seed, so a
/// record carrying the seed can be re-dealt by anyone and a restored room deals exactly as it would have.
/// </summary>
public static class HokmShuffle
{
    /// <summary>The number of the deck used for the face-up draw of the first Hakem.</summary>
    public const int FaceUpDrawDeck = 0;

    /// <summary>The deck for hand <paramref name="number"/> (0 = the face-up draw), as a new array.</summary>
    public static Card[] Deck(string seed, int number)
    {
        var deck = new Card[Card.DeckSize];
        Deck(seed, number, deck);
        return deck;
    }

    /// <summary>Writes the deck for hand <paramref name="number"/> (0 = the face-up draw) into 52 slots.</summary>
    public static void Deck(string seed, int number, Span<Card> destination)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        if (destination.Length != Card.DeckSize)
        {
            throw new ArgumentException("A deck has 52 slots.", nameof(destination));
        }

        Span<byte> key = stackalloc byte[32];
        DeckKey(seed, number, key);
        var rng = new Xoshiro256StarStar(key);
        for (var i = 0; i < Card.DeckSize; i++)
        {
            destination[i] = Card.FromIndexUnchecked(i);
        }

        for (var i = Card.DeckSize - 1; i >= 1; i--)
        {
            var j = rng.Below(i + 1);
            (destination[i], destination[j]) = (destination[j], destination[i]);
        }
    }

    /// <summary>
    /// The face-up draw: deck 0 turned from the top, to seats 0, 1, 2, 3, 0, … until the first ace,
    /// whose receiver is the first Hakem (the last draw).
    /// </summary>
    public static IReadOnlyList<SeatCard> FaceUpDraw(string seed)
    {
        Span<Card> deck = stackalloc Card[Card.DeckSize];
        Deck(seed, FaceUpDrawDeck, deck);
        var draws = new List<SeatCard>(8);
        for (var i = 0; i < Card.DeckSize; i++)
        {
            draws.Add(new SeatCard(i % Seats.Count, deck[i]));
            if (deck[i].Rank == Rank.Ace)
            {
                break;
            }
        }

        return draws;
    }

    /// <summary>
    /// The first Hakem when the face-up draw is switched off (<see cref="FirstHakemSelection.Random"/>):
    /// the deck index of deck 0's top card, modulo 4 — derived from the seed, so still reproducible.
    /// </summary>
    public static int RandomFirstHakem(string seed)
    {
        Span<Card> deck = stackalloc Card[Card.DeckSize];
        Deck(seed, FaceUpDrawDeck, deck);
        return deck[0].Index % Seats.Count;
    }

    /// <summary>The simulator's seed for game <paramref name="index"/> (0-based) of a run: <c>seed + "-" + index</c>.</summary>
    public static string SimulatorSeed(string seed, int index)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return seed + "-" + index.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The text whose hash seeds the bots' generator of a simulated game: <c>seed + ":bots"</c>.</summary>
    public static Xoshiro256StarStar BotRandom(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return Xoshiro256StarStar.FromText(seed + ":bots");
    }

    /// <summary>
    /// SHA-256 of the seed (UTF-8) as 64 lowercase hex characters: what a server commits to before the
    /// first card is dealt, so a seed published later can be checked.
    /// </summary>
    public static string SeedHash(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
    }

    private static void DeckKey(string seed, int number, Span<byte> key)
    {
        // seed + ":" + n without building the string: the shuffle runs once per hand and per simulated game.
        var seedBytes = Encoding.UTF8.GetByteCount(seed);
        var total = seedBytes + 1 + 11;
        if (total > 512)
        {
            Xoshiro256StarStar.HashText(seed + ":" + number.ToString(CultureInfo.InvariantCulture), key);
            return;
        }

        Span<byte> text = stackalloc byte[total];
        var written = Encoding.UTF8.GetBytes(seed, text);
        text[written++] = (byte)':';
        number.TryFormat(text[written..], out var digits, default, CultureInfo.InvariantCulture);
        SHA256.HashData(text[..(written + digits)], key);
    }
}
