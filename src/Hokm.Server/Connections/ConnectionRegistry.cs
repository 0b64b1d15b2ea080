using System.Collections.Concurrent;
using System.Net.WebSockets;
using Hokm.Server.Diagnostics;

namespace Hokm.Server.Connections;

/// <summary>
/// The sockets of this node: one current socket per player (a newer one replaces the older, which
/// is closed with 4001), and every open socket for the graceful shutdown.
/// </summary>
internal sealed class ConnectionRegistry(HokmDiagnostics diagnostics)
{
    private readonly ConcurrentDictionary<string, PlayerConnection> _byPlayer = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, PlayerConnection> _open = new();

    /// <summary>Players with a socket here.</summary>
    public int PlayerCount => _byPlayer.Count;

    /// <summary>Makes <paramref name="connection"/> its player's current socket; returns the one it replaces.</summary>
    public PlayerConnection? Register(PlayerConnection connection)
    {
        _open[connection.Id] = connection;
        PlayerConnection? previous = null;
        _byPlayer.AddOrUpdate(
            connection.PlayerId,
            connection,
            (_, existing) =>
            {
                previous = existing;
                return connection;
            });
        if (previous is null)
        {
            diagnostics.PlayerConnected(1);
        }

        return previous;
    }

    /// <summary>Forgets a socket that ended (its player's entry only if it is still the current one).</summary>
    public void Unregister(PlayerConnection connection)
    {
        _open.TryRemove(connection.Id, out _);
        if (_byPlayer.TryRemove(new KeyValuePair<string, PlayerConnection>(connection.PlayerId, connection)))
        {
            diagnostics.PlayerConnected(-1);
        }
    }

    /// <summary>Closes every open socket with <paramref name="status"/> and waits (bounded) for their sessions to end.</summary>
    public async Task CloseAllAsync(WebSocketCloseStatus status, string reason, TimeSpan timeout, TimeProvider time)
    {
        var open = _open.Values.ToArray();
        foreach (var connection in open)
        {
            connection.Close(status, reason);
        }

        try
        {
            await Task.WhenAll(open.Select(static c => c.Ended)).WaitAsync(timeout, time);
        }
        catch (TimeoutException)
        {
            // Sessions that did not finish the handshake in time are aborted by their own close timeout.
        }
    }
}
