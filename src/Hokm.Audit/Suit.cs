namespace Hokm.Audit;

/// <summary>A suit, in the order of the unshuffled deck (docs/shuffle.md): S, H, D, C.</summary>
public enum Suit
{
    /// <summary>Spades, <c>S</c>.</summary>
    Spades,

    /// <summary>Hearts, <c>H</c>.</summary>
    Hearts,

    /// <summary>Diamonds, <c>D</c>.</summary>
    Diamonds,

    /// <summary>Clubs, <c>C</c>.</summary>
    Clubs,
}
