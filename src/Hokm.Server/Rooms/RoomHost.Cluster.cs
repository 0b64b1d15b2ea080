using Hokm.Data.Errors;
using Hokm.Data.Live;
using Hokm.Game.Cards;
using Hokm.Server.Cluster;
using Hokm.Server.Connections;
using Hokm.Server.Protocol;
using StackExchange.Redis;

namespace Hokm.Server.Rooms;

/// <summary>
/// The owner's side of several nodes (docs/scaling.md): the room's lease (renewed on a timer,
/// checked by every commit), requests relayed from other nodes on <c>{ROOM}:cmd</c>, and the hand-over
/// when the lease is lost — the room is dropped and its players here are routed to the new owner.
/// </summary>
internal sealed partial class RoomHost
{
    private RoomLease? _lease;
    private IAsyncDisposable? _commands;
    private ITimer? _renewTimer;
    private int _renewing;
    private long _leaseConfirmedAt;
    private volatile bool _dropped;
    private RoomHost? _successor;

    /// <summary>The room that took over this one's traffic on this node (after a lost lease or a takeover).</summary>
    private RoomHost? Successor => Volatile.Read(ref _successor);

    private RedisChannel EventChannel => _context.Bus.EventChannel(Code);

    /// <summary>Starts the room as the lease holder: takes relayed requests, renews the lease, tells relaying nodes.</summary>
    public async Task StartOwnedAsync(RoomLease lease)
    {
        _lease = lease;
        Volatile.Write(ref _leaseConfirmedAt, _time.GetTimestamp());
        ClusterLog.Owned(_logger, Code, lease.NodeId, lease.Token);
        _commands = await _context.Bus.SubscribeAsync(_context.Bus.CommandChannel(Code), OnCommandMessageAsync);
        var interval = _context.Cluster.EffectiveRenewInterval;
        _renewTimer = _time.CreateTimer(static s => _ = ((RoomHost)s!).RenewAsync(), this, interval, interval);

        // Relaying nodes reattach their players; a previous owner still subscribed (paused, partitioned) checks its lease at once.
        var announcement = new BusMessage { Kind = BusMessage.Owner, Node = _context.Node.Id };
        _context.Bus.Post(EventChannel, announcement);
        _context.Bus.Post(_context.Bus.CommandChannel(Code), announcement);
        Start();
    }

    /// <summary>
    /// True when the last confirmation of the lease is older than two thirds of the lease time: the
    /// renewals are late (say, the process was paused), so the room may belong to another node now.
    /// </summary>
    private bool LeaseOverdue =>
        _lease is not null && !_dropped && _time.GetElapsedTime(Volatile.Read(ref _leaseConfirmedAt)) > _context.Cluster.LeaseTime / 3 * 2;

    /// <summary>Renews the lease before acting on an overdue one; false when it is lost (the room must be dropped).</summary>
    private async Task<bool> ConfirmLeaseAsync()
    {
        try
        {
            if (await _context.Leases.RenewAsync(_lease!, _context.Cluster.LeaseTime))
            {
                Volatile.Write(ref _leaseConfirmedAt, _time.GetTimestamp());
                return true;
            }

            _context.Diagnostics.OwnershipLost("lease");
            return false;
        }
        catch (Exception ex) when (ex is HybridDataException or RedisException or TimeoutException)
        {
            // Redis is unreachable: nobody can take the room over; commits fall back to PostgreSQL (row-version fenced).
            // Not asked again before the next renewal is due, so that play is not slowed by a dead Redis.
            Volatile.Write(ref _leaseConfirmedAt, _time.GetTimestamp());
            ClusterLog.RenewFailed(_logger, Code, ex.Message);
            return true;
        }
    }

    private async Task RenewAsync()
    {
        if (_lease is not { } lease || _closed || Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        try
        {
            if (await _context.Leases.RenewAsync(lease, _context.Cluster.LeaseTime))
            {
                Volatile.Write(ref _leaseConfirmedAt, _time.GetTimestamp());
            }
            else
            {
                _context.Diagnostics.OwnershipLost("lease");
                _mailbox.Writer.TryWrite(new LeaseLostWork());
            }
        }
        catch (Exception ex) when (ex is HybridDataException or RedisException or TimeoutException)
        {
            // Redis is unreachable: nobody can take the room over either; commits fall back to PostgreSQL (row-version fenced).
            ClusterLog.RenewFailed(_logger, Code, ex.Message);
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    /// <summary>
    /// Another node owns the room now: stop (no timers, no commits), hand this node's players to a
    /// relay of the new owner, and send whatever is still queued there.
    /// </summary>
    private async Task LoseOwnershipAsync(string reason)
    {
        if (_dropped || _lease is null)
        {
            return;
        }

        _dropped = true;
        ClusterLog.OwnershipLost(_logger, Code, _context.Node.Id, reason);
        var locals = _seats.Select(static s => s.Connection).OfType<LocalPeer>().Select(static p => p.Connection).ToArray();
        _closed = true;
        DisposeTimers();
        _manager.SetWaiting(this, false);
        await StopOwnershipAsync(release: false);
        RoomHost? relay = null;
        try
        {
            relay = await _manager.ReplaceWithRelayAsync(this);
        }
        catch (Exception ex) when (ex is HybridDataException or RedisException or TimeoutException)
        {
            RoomLog.SideEffectFailed(_logger, Code, "relay to the new owner", ex);
            _manager.Remove(this);
        }

        Volatile.Write(ref _successor, relay);
        _mailbox.Writer.TryComplete();
        foreach (var connection in locals)
        {
            connection.Room = relay;
            if (relay is not null)
            {
                _ = relay.AttachAsync(connection);
            }
        }
    }

    /// <summary>Ends the owner's cluster work: renewals, relayed requests; with <paramref name="release"/>, gives the lease back.</summary>
    private async Task StopOwnershipAsync(bool release)
    {
        _renewTimer?.Dispose();
        _renewTimer = null;
        if (Interlocked.Exchange(ref _commands, null) is { } commands)
        {
            // Not awaited: this may run on the room's loop while a relayed request waits for that loop.
            _ = commands.DisposeAsync().AsTask();
        }

        if (release && _lease is { } lease && !_dropped)
        {
            try
            {
                await _context.Leases.ReleaseAsync(lease);
                _context.Bus.Post(EventChannel, new BusMessage { Kind = BusMessage.Released, Node = _context.Node.Id });
            }
            catch (Exception ex) when (ex is HybridDataException or RedisException or TimeoutException)
            {
                // The lease expires on its own.
                RoomLog.SideEffectFailed(_logger, Code, "lease release", ex);
            }
        }
    }

    /// <summary>At the end of the loop: an owner gives its lease back, a relay unsubscribes.</summary>
    private async Task LeaveClusterAsync()
    {
        if (_lease is not null)
        {
            await StopOwnershipAsync(release: true);
        }
    }

    /// <summary>Tells relaying nodes that the game is over and stored.</summary>
    private void AnnounceFinished()
    {
        if (_lease is not null)
        {
            _context.Bus.Post(EventChannel, new BusMessage { Kind = BusMessage.Finished, Node = _context.Node.Id });
        }
    }

    /// <summary>A request relayed from another node: the same work as from a socket here, answered on the event channel.</summary>
    private async Task OnCommandMessageAsync(BusMessage message)
    {
        if (message.Kind == BusMessage.Owner)
        {
            if (message.Node != _context.Node.Id)
            {
                await RenewAsync();
            }

            return;
        }

        if (message.Node is not { } node || message.Player is not { } player)
        {
            return;
        }

        var peer = new RemotePeer(_context.Bus, Code, node, player, message.Name ?? player);
        switch (message.Kind)
        {
            case BusMessage.Join:
                ReplyUnlessLetGo(message, await RequestAsync<RoomOutcome>(done => new JoinWork(peer, message.ReplyTo, done), RoomOutcome.Gone));
                break;
            case BusMessage.Attach:
                var attached = await RequestAsync<bool>(done => new AttachWork(peer, done), false);
                ReplyUnlessLetGo(message, attached ? RoomOutcome.Ok : RoomOutcome.Error(ErrorCodes.NotSeated, "You do not hold a seat."));
                break;
            case BusMessage.Leave:
                ReplyUnlessLetGo(message, await RequestAsync<RoomOutcome>(done => new LeaveWork(peer, message.ReplyTo, done), RoomOutcome.Gone));
                break;
            case BusMessage.Detach:
                _mailbox.Writer.TryWrite(new DetachWork(peer));
                break;
            case BusMessage.RoomCommand:
                if (ToCommand(message) is not { } command)
                {
                    peer.SendError(ErrorCodes.UnknownType, "A room does not take this message.", message.ReplyTo);
                }
                else if (_closed || !_mailbox.Writer.TryWrite(new CommandWork(peer, command, _time.GetTimestamp())))
                {
                    peer.SendError(ErrorCodes.Unavailable, "The room is moving to another server; nothing was applied. Try again.", message.ReplyTo);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Answers a relayed request — unless this room let go of it meanwhile (closed, or dropped for a
    /// lost lease): then its refusal says nothing about the seat, and the owner that holds the room
    /// answers (or the relay times out and looks again).
    /// </summary>
    private void ReplyUnlessLetGo(BusMessage request, RoomOutcome outcome)
    {
        if (!_closed && !_dropped)
        {
            Reply(request, outcome);
        }
    }

    private void Reply(BusMessage request, RoomOutcome outcome) =>
        _context.Bus.Post(EventChannel, new BusMessage
        {
            Kind = BusMessage.Reply,
            Node = request.Node,
            Request = request.Request,
            Ok = outcome.Succeeded,
            Error = outcome.ErrorCode,
            Text = outcome.Message,
            Gone = outcome.IsGone,
        });

    /// <summary>A command as it travels between nodes: its type and argument.</summary>
    private static (string Type, string? Argument)? FromCommand(ClientCommand command) => command switch
    {
        SyncCommand => ("sync", null),
        AddBotCommand => ("add_bot", null),
        ChooseTrumpCommand c => ("choose_trump", c.Suit.ToWireName()),
        PlayCardCommand p => ("play_card", p.Card.ToString()),
        _ => null,
    };

    private static ClientCommand? ToCommand(BusMessage message) => message.Command switch
    {
        "sync" => new SyncCommand(message.ReplyTo),
        "add_bot" => new AddBotCommand(message.ReplyTo),
        "choose_trump" when Suits.TryParse(message.Argument, out var suit) => new ChooseTrumpCommand(message.ReplyTo, suit),
        "play_card" when Card.TryParse(message.Argument, out var card) => new PlayCardCommand(message.ReplyTo, card),
        _ => null,
    };

    /// <summary>Work that reached a room after it handed over to <paramref name="successor"/>: passed on (this node's sockets) or refused.</summary>
    private void Redirect(Work work, RoomHost successor)
    {
        switch (work)
        {
            case JoinWork { Connection: LocalPeer local } w:
                _ = ForwardAsync(successor.JoinAsync(local.Connection, w.ReplyTo), w.Done);
                break;
            case AttachWork { Connection: LocalPeer local } w:
                _ = ForwardAsync(successor.AttachAsync(local.Connection), w.Done);
                break;
            case LeaveWork { Connection: LocalPeer local } w:
                _ = ForwardAsync(successor.LeaveAsync(local.Connection, w.ReplyTo), w.Done);
                break;
            case CommandWork { Connection: LocalPeer local } w:
                if (!successor.Post(local.Connection, w.Command, w.ReceivedAt))
                {
                    local.SendError(ErrorCodes.Unavailable, "The room is moving to another server; nothing was applied. Try again.", w.Command.Id);
                }

                break;
            case DetachWork { Connection: LocalPeer local }:
                successor.Detach(local.Connection);
                break;
            default:
                Refuse(work, gone: false);
                break;
        }
    }

    private static async Task ForwardAsync<T>(Task<T> task, TaskCompletionSource<T> done) => done.TrySetResult(await task);

    /// <summary>Used by <see cref="RoomManager"/> when this relay is replaced by an owner on this node.</summary>
    public void HandOverTo(RoomHost successor) => Volatile.Write(ref _successor, successor);

    /// <summary>The local sockets this relay holds (handed to the new owner on a takeover).</summary>
    public PlayerConnection[] RelayedPlayers() => _relay?.Players() ?? [];
}
