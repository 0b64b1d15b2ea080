namespace Hokm.Data.Live;

/// <summary>Where and since when a player is connected.</summary>
/// <param name="PlayerId">The player.</param>
/// <param name="Node">The server node holding the player's socket.</param>
/// <param name="LastSeen">The last heartbeat.</param>
public sealed record PlayerPresence(string PlayerId, string Node, DateTimeOffset LastSeen);
