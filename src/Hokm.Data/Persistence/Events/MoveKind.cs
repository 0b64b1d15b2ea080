using System.Text.Json.Serialization;

namespace Hokm.Data.Persistence.Events;

/// <summary>What a recorded move was; written as <c>"trump"</c> or <c>"play"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MoveKind>))]
public enum MoveKind
{
    /// <summary>The Hakem chose trump.</summary>
    [JsonStringEnumMemberName("trump")]
    Trump,

    /// <summary>A card was played.</summary>
    [JsonStringEnumMemberName("play")]
    Play,
}
