namespace Hokm.Data.Stats;

/// <summary>Real-time counts from the live tier.</summary>
/// <param name="ActiveGames">Rooms with a commit inside the window.</param>
/// <param name="RoomsWithPendingSync">Rooms whose outbox still waits for PostgreSQL.</param>
/// <param name="ConcurrentPlayers">Players with a recent heartbeat.</param>
/// <param name="Window">The activity window.</param>
public sealed record LiveStats(long ActiveGames, long RoomsWithPendingSync, long ConcurrentPlayers, TimeSpan Window);
