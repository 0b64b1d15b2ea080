using System.Text.Json.Serialization;

namespace Hokm.Data.Persistence.Events;

/// <summary>A team, written <c>"A"</c> (seats 0 and 2) or <c>"B"</c> (seats 1 and 3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TeamSide>))]
public enum TeamSide
{
    /// <summary>Seats 0 and 2.</summary>
    [JsonStringEnumMemberName("A")]
    A,

    /// <summary>Seats 1 and 3.</summary>
    [JsonStringEnumMemberName("B")]
    B,
}
