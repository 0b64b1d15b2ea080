using System.Text.Json.Serialization;

namespace Hokm.Game.Rules;

/// <summary>How the first Hakem of a game is found (RULES.md marks this as a choice).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FirstHakemSelection>))]
public enum FirstHakemSelection
{
    /// <summary>Cards from deck 0 dealt face up, seat 0 first, until the first ace (the default).</summary>
    [JsonStringEnumMemberName("face_up_deal")]
    FaceUpDeal,

    /// <summary>
    /// A seat derived from the seed (deck 0's top card index modulo 4); no draws are shown.
    /// See <see cref="Shuffling.HokmShuffle.RandomFirstHakem"/>.
    /// </summary>
    [JsonStringEnumMemberName("random")]
    Random,
}
