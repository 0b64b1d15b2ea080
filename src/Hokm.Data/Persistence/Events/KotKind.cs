using System.Text.Json.Serialization;

namespace Hokm.Data.Persistence.Events;

/// <summary>Whether a hand was a sweep; written as <c>"none"</c>, <c>"kot"</c> or <c>"hakem_kot"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KotKind>))]
public enum KotKind
{
    /// <summary>Not a sweep.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>A 7–0 sweep (2 points).</summary>
    [JsonStringEnumMemberName("kot")]
    Kot,

    /// <summary>A 7–0 sweep against the Hakem (3 points).</summary>
    [JsonStringEnumMemberName("hakem_kot")]
    HakemKot,
}
