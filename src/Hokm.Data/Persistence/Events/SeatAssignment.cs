using System.Text.Json.Serialization;

namespace Hokm.Data.Persistence.Events;

/// <summary>Who sits in one seat: <c>{"seat":0,"playerId":"…","name":"…","bot":false}</c>.</summary>
/// <param name="Seat">The seat, 0–3; seats 0 and 2 are team A.</param>
/// <param name="Name">The name shown at the table.</param>
/// <param name="Bot">True when a bot plays the seat.</param>
/// <param name="PlayerId">The player's id; required for a human, null for a bot. Optional parameters come last so that they may be left out of the JSON.</param>
public sealed record SeatAssignment(int Seat, string Name, bool Bot, string? PlayerId = null)
{
    /// <summary>The seat's team (derived from the seat, so not written to the payload).</summary>
    [JsonIgnore]
    public TeamSide Team => (Seat & 1) == 0 ? TeamSide.A : TeamSide.B;
}
