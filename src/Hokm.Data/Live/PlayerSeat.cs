namespace Hokm.Data.Live;

/// <summary>Where a player sits.</summary>
/// <param name="Room">The room code.</param>
/// <param name="Seat">The seat, 0–3.</param>
public sealed record PlayerSeat(string Room, int Seat);
