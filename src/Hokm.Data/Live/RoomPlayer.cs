namespace Hokm.Data.Live;

/// <summary>A player seated in a room.</summary>
/// <param name="PlayerId">The player's id (1–64 of letters, digits, '_' and '-').</param>
/// <param name="Seat">The seat, 0–3.</param>
/// <param name="Name">The display name.</param>
/// <param name="Bot">True for a bot.</param>
public sealed record RoomPlayer(string PlayerId, int Seat, string Name, bool Bot);
