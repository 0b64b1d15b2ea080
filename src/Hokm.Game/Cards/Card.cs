using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Hokm.Game.Cards;

/// <summary>
/// One of the 52 cards, stored as its index in the unshuffled deck of the shuffle spec
/// (suit-major in the order S, H, D, C, ranks 2..A), so it doubles as a bit position in <see cref="CardSet"/>.
/// Written in protocol notation: rank then suit letter, e.g. <c>"AS"</c>, <c>"10H"</c>, <c>"QD"</c>.
/// </summary>
[JsonConverter(typeof(CardJsonConverter))]
public readonly struct Card : IEquatable<Card>
{
    /// <summary>Number of cards in the deck.</summary>
    public const int DeckSize = 52;

    private static readonly string[] Names = BuildNames();

    private readonly byte _index;

    /// <summary>Creates the card of the given rank and suit.</summary>
    public Card(Rank rank, Suit suit)
    {
        if (rank is < Rank.Two or > Rank.Ace)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, "Not a rank.");
        }

        if (!Suits.IsDefined(suit))
        {
            throw new ArgumentOutOfRangeException(nameof(suit), suit, "Not a suit.");
        }

        _index = (byte)(((int)suit * 13) + ((int)rank - 2));
    }

    private Card(int index) => _index = (byte)index;

    /// <summary>Position in the unshuffled deck, 0 (<c>2S</c>) to 51 (<c>AC</c>).</summary>
    public int Index => _index;

    /// <summary>The card's suit.</summary>
    public Suit Suit => (Suit)(_index / 13);

    /// <summary>The card's rank.</summary>
    public Rank Rank => (Rank)((_index % 13) + 2);

    /// <summary>The card at a position of the unshuffled deck.</summary>
    public static Card FromIndex(int index) =>
        (uint)index < DeckSize ? new Card(index) : throw new ArgumentOutOfRangeException(nameof(index), index, "A deck index is 0..51.");

    // Hot paths (bitmask walks, the shuffle) already know the index is in range.
    internal static Card FromIndexUnchecked(int index) => new(index);

    /// <summary>Parses protocol notation (case-insensitive, nothing around it).</summary>
    /// <exception cref="FormatException">The text is not a card.</exception>
    public static Card Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out var card)
            ? card
            : throw new FormatException($"'{text}' is not a card: expected a rank 2-10, J, Q, K or A followed by a suit S, H, D or C, e.g. \"10H\".");
    }

    /// <summary>Parses protocol notation (case-insensitive, nothing around it).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Card card)
    {
        if (text is null)
        {
            card = default;
            return false;
        }

        return TryParse(text.AsSpan(), out card);
    }

    /// <summary>Parses protocol notation (case-insensitive, nothing around it).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Card card)
    {
        card = default;
        if (text.Length is < 2 or > 3 || !Suits.TryFromLetter(text[^1], out var suit))
        {
            return false;
        }

        var rankText = text[..^1];
        int rank;
        if (rankText.Length == 2)
        {
            if (rankText[0] != '1' || rankText[1] != '0')
            {
                return false;
            }

            rank = 10;
        }
        else
        {
            rank = rankText[0] switch
            {
                >= '2' and <= '9' => rankText[0] - '0',
                'J' or 'j' => 11,
                'Q' or 'q' => 12,
                'K' or 'k' => 13,
                'A' or 'a' => 14,
                _ => 0,
            };
            if (rank == 0)
            {
                return false;
            }
        }

        card = new Card(((int)suit * 13) + (rank - 2));
        return true;
    }

    /// <summary>Protocol notation, e.g. <c>"10H"</c>.</summary>
    public override string ToString() => Names[_index];

    /// <inheritdoc />
    public bool Equals(Card other) => _index == other._index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Card other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _index;

    /// <summary>Same card.</summary>
    public static bool operator ==(Card left, Card right) => left.Equals(right);

    /// <summary>Different cards.</summary>
    public static bool operator !=(Card left, Card right) => !left.Equals(right);

    private static string[] BuildNames()
    {
        string[] ranks = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"];
        var names = new string[DeckSize];
        for (var i = 0; i < DeckSize; i++)
        {
            names[i] = ranks[i % 13] + Suits.ToLetter((Suit)(i / 13));
        }

        return names;
    }
}
