using System.Diagnostics.CodeAnalysis;

namespace Hokm.Game.Cards;

/// <summary>Protocol notation for suits: one letter, <c>S</c>, <c>H</c>, <c>D</c> or <c>C</c>.</summary>
public static class Suits
{
    /// <summary>The four suits in deck order.</summary>
    public static IReadOnlyList<Suit> All { get; } = [Suit.Spades, Suit.Hearts, Suit.Diamonds, Suit.Clubs];

    /// <summary>True for the four defined suits (an enum can hold any integer).</summary>
    public static bool IsDefined(Suit suit) => (uint)suit < 4;

    /// <summary>The protocol letter of a suit.</summary>
    public static char ToLetter(this Suit suit) => suit switch
    {
        Suit.Spades => 'S',
        Suit.Hearts => 'H',
        Suit.Diamonds => 'D',
        Suit.Clubs => 'C',
        _ => throw new ArgumentOutOfRangeException(nameof(suit), suit, "Not a suit."),
    };

    /// <summary>The protocol letter of a suit, as a string.</summary>
    public static string ToWireName(this Suit suit) => suit switch
    {
        Suit.Spades => "S",
        Suit.Hearts => "H",
        Suit.Diamonds => "D",
        Suit.Clubs => "C",
        _ => throw new ArgumentOutOfRangeException(nameof(suit), suit, "Not a suit."),
    };

    /// <summary>Reads a suit letter (case-insensitive).</summary>
    public static bool TryFromLetter(char letter, out Suit suit)
    {
        switch (letter)
        {
            case 'S' or 's': suit = Suit.Spades; return true;
            case 'H' or 'h': suit = Suit.Hearts; return true;
            case 'D' or 'd': suit = Suit.Diamonds; return true;
            case 'C' or 'c': suit = Suit.Clubs; return true;
            default: suit = default; return false;
        }
    }

    /// <summary>Reads a one-letter suit string such as <c>"H"</c> (case-insensitive, no surrounding spaces).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Suit suit)
    {
        if (text is { Length: 1 })
        {
            return TryFromLetter(text[0], out suit);
        }

        suit = default;
        return false;
    }
}
