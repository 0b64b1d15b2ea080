using System.Text.Json.Serialization;

namespace Hokm.Game.Cards;

/// <summary>A card suit. The numeric values give the deck order of the shuffle spec (S, H, D, C).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Suit>))]
public enum Suit
{
    /// <summary>Spades, <c>S</c>.</summary>
    [JsonStringEnumMemberName("S")]
    Spades = 0,

    /// <summary>Hearts, <c>H</c>.</summary>
    [JsonStringEnumMemberName("H")]
    Hearts = 1,

    /// <summary>Diamonds, <c>D</c>.</summary>
    [JsonStringEnumMemberName("D")]
    Diamonds = 2,

    /// <summary>Clubs, <c>C</c>.</summary>
    [JsonStringEnumMemberName("C")]
    Clubs = 3,
}
