namespace Hokm.Data.Live;

/// <summary>A player's live session as the guide's <c>get_player_session</c> returns it.</summary>
/// <param name="PlayerId">The player.</param>
/// <param name="Presence">Where they are connected, or null when offline.</param>
/// <param name="Seat">The room and seat they hold, or null.</param>
public sealed record PlayerSession(string PlayerId, PlayerPresence? Presence, PlayerSeat? Seat);
