using System.Text.Json.Serialization;

namespace Hokm.Game.Rules;

/// <summary>A team: A = seats 0 and 2, B = seats 1 and 3. Written <c>"A"</c> / <c>"B"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Team>))]
public enum Team
{
    /// <summary>Seats 0 and 2.</summary>
    A = 0,

    /// <summary>Seats 1 and 3.</summary>
    B = 1,
}
