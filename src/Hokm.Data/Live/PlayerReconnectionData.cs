namespace Hokm.Data.Live;

/// <summary>What a reconnecting player needs (the guide's <c>get_player_reconnection_data</c>).</summary>
/// <param name="PlayerId">The player.</param>
/// <param name="Room">The room they hold a seat in.</param>
/// <param name="Seat">Their seat.</param>
/// <param name="Version">The room's version the view was taken at.</param>
/// <param name="View">That seat's redacted view, or null when no <see cref="ISeatViewRedactor"/> is registered.</param>
public sealed record PlayerReconnectionData(string PlayerId, string Room, int Seat, long Version, string? View);
