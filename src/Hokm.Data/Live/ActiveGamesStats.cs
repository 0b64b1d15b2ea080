namespace Hokm.Data.Live;

/// <summary>Real-time counts of live rooms (the guide's <c>get_active_games_stats</c>).</summary>
/// <param name="ActiveRooms">Rooms with a commit inside the window.</param>
/// <param name="RoomsWithPendingSync">Rooms whose outbox may still hold entries for PostgreSQL.</param>
/// <param name="Window">The activity window used.</param>
public sealed record ActiveGamesStats(long ActiveRooms, long RoomsWithPendingSync, TimeSpan Window);
