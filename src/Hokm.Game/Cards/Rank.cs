namespace Hokm.Game.Cards;

/// <summary>A card rank; higher values beat lower ones (the ace is high).</summary>
public enum Rank
{
    /// <summary>2.</summary>
    Two = 2,

    /// <summary>3.</summary>
    Three = 3,

    /// <summary>4.</summary>
    Four = 4,

    /// <summary>5.</summary>
    Five = 5,

    /// <summary>6.</summary>
    Six = 6,

    /// <summary>7.</summary>
    Seven = 7,

    /// <summary>8.</summary>
    Eight = 8,

    /// <summary>9.</summary>
    Nine = 9,

    /// <summary>10.</summary>
    Ten = 10,

    /// <summary>Jack, <c>J</c>.</summary>
    Jack = 11,

    /// <summary>Queen, <c>Q</c>.</summary>
    Queen = 12,

    /// <summary>King, <c>K</c>.</summary>
    King = 13,

    /// <summary>Ace, <c>A</c>.</summary>
    Ace = 14,
}
