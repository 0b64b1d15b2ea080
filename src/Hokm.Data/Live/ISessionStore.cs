namespace Hokm.Data.Live;

/// <summary>Sessions (token → player, sliding expiry) and presence (who is connected, on which node).</summary>
public interface ISessionStore
{
    /// <summary>Stores a session. Only the token's SHA-256 is kept as the key.</summary>
    Task CreateSessionAsync(string token, string playerId, CancellationToken cancellationToken = default);

    /// <summary>The player a session belongs to, sliding its expiry; null when unknown or expired.</summary>
    Task<string?> GetSessionAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Ends a session.</summary>
    Task RemoveSessionAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Marks a player connected to this node now (also the heartbeat).</summary>
    Task MarkConnectedAsync(string playerId, CancellationToken cancellationToken = default);

    /// <summary>Marks a player disconnected.</summary>
    Task MarkDisconnectedAsync(string playerId, CancellationToken cancellationToken = default);

    /// <summary>A player's presence, or null when not connected within the presence window.</summary>
    Task<PlayerPresence?> GetPresenceAsync(string playerId, CancellationToken cancellationToken = default);

    /// <summary>Players with a heartbeat inside the presence window, on every node.</summary>
    Task<long> GetConcurrentPlayerCountAsync(CancellationToken cancellationToken = default);
}
