using System.Text.Json.Serialization;

namespace Hokm.Game.Rules;

/// <summary>Whether a hand was a 7–0 sweep, and by whom.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Kot>))]
public enum Kot
{
    /// <summary>The losing team took at least one trick: 1 point.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>The Hakem's team won 7–0: 2 points.</summary>
    [JsonStringEnumMemberName("kot")]
    Kot,

    /// <summary>The Hakem's opponents won 7–0: 3 points.</summary>
    [JsonStringEnumMemberName("hakem_kot")]
    HakemKot,
}
