using System.Collections.Concurrent;
using Hokm.Server.Cluster;
using Hokm.Server.Connections;

namespace Hokm.Server.Rooms;

/// <summary>
/// What a node keeps about a room another node owns: its players' sockets here, requests waiting
/// for the owner's answer, the subscription to the room's event channel and the owner check.
/// </summary>
internal sealed class RelayState(string holder)
{
    private readonly Dictionary<string, PlayerConnection> _players = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unconfirmed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _lastRequest;
    private int _checking;
    private volatile bool _finished;
    private volatile bool _closed;
    private volatile string _holder = holder;

    /// <summary>The owner node as last known.</summary>
    public string Holder
    {
        get => _holder;
        set => _holder = value;
    }

    /// <summary>Requests waiting for the owner's answer, by request id.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource<BusMessage>> Pending { get; } = new(StringComparer.Ordinal);

    public IAsyncDisposable? Subscription { get; set; }

    public ITimer? Sweep { get; set; }

    /// <summary>The owner announced the end of the game.</summary>
    public bool Finished
    {
        get => _finished;
        set => _finished = value;
    }

    public bool Closed
    {
        get => _closed;
        set => _closed = value;
    }

    public string NextRequestId() => Interlocked.Increment(ref _lastRequest).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for the one caller that may run the owner check now.</summary>
    public bool TryBeginCheck() => Interlocked.Exchange(ref _checking, 1) == 0;

    public void EndCheck() => Volatile.Write(ref _checking, 0);

    public void Register(PlayerConnection connection)
    {
        lock (_gate)
        {
            _players[connection.PlayerId] = connection;
        }
    }

    /// <summary>Forgets the player's socket if it is <paramref name="connection"/> (null: whichever it is).</summary>
    public PlayerConnection? Unregister(string playerId, PlayerConnection? connection = null)
    {
        lock (_gate)
        {
            if (_players.TryGetValue(playerId, out var current) && (connection is null || ReferenceEquals(current, connection)))
            {
                _players.Remove(playerId);
                _unconfirmed.Remove(playerId);
                return current;
            }

            return null;
        }
    }

    /// <summary>Marks whether the owner has confirmed the player's reattachment (unconfirmed ones are asked again by the sweep).</summary>
    public void SetConfirmed(string playerId, bool confirmed)
    {
        lock (_gate)
        {
            if (confirmed)
            {
                _unconfirmed.Remove(playerId);
            }
            else if (_players.ContainsKey(playerId))
            {
                _unconfirmed.Add(playerId);
            }
        }
    }

    /// <summary>Sockets whose reattachment the owner has not confirmed yet.</summary>
    public PlayerConnection[] Unconfirmed()
    {
        lock (_gate)
        {
            return [.. _unconfirmed.Select(id => _players.GetValueOrDefault(id)).OfType<PlayerConnection>()];
        }
    }

    public PlayerConnection? Find(string playerId)
    {
        lock (_gate)
        {
            return _players.GetValueOrDefault(playerId);
        }
    }

    public PlayerConnection[] Players()
    {
        lock (_gate)
        {
            return [.. _players.Values];
        }
    }
}
