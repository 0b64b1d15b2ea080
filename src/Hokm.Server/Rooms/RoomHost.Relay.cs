using System.Text;
using Hokm.Data.Errors;
using Hokm.Server.Cluster;
using Hokm.Server.Connections;
using Hokm.Server.Protocol;
using StackExchange.Redis;

namespace Hokm.Server.Rooms;

/// <summary>
/// A room owned by another node, as this node holds it (docs/scaling.md "Routing"): its players'
/// requests go to the owner on <c>{ROOM}:cmd</c>; the owner's frames come back on <c>{ROOM}:evt</c>
/// addressed to one player each, and only that player's socket here receives them. A relay checks
/// on a timer that the owner still holds the lease and takes the room over when it does not.
/// </summary>
internal sealed partial class RoomHost
{
    private RelayState? _relay;

    /// <summary>True for a room another node owns.</summary>
    public bool IsRelay => _relay is not null;

    /// <summary>A relay to the room's owner <paramref name="holder"/>, subscribed to the room's event channel.</summary>
    public static async Task<RoomHost> CreateRelayAsync(RoomManager manager, RoomContext context, string code, string holder)
    {
        var host = new RoomHost(manager, context, code, document: null, version: 0);
        var relay = new RelayState(holder);
        host._relay = relay;
        relay.Subscription = await context.Bus.SubscribeAsync(context.Bus.EventChannel(code), host.OnEventMessageAsync);
        var interval = context.Cluster.SweepInterval;
        relay.Sweep = context.Time.CreateTimer(static s => _ = ((RoomHost)s!).CheckOwnerAsync(), host, interval, interval);
        ClusterLog.Relaying(context.Logger, code, holder);
        return host;
    }

    private async Task<RoomOutcome> RelayJoinAsync(PlayerConnection connection, string? replyTo)
    {
        var relay = _relay!;
        relay.Register(connection);
        var (receivers, reply) = await RelayRequestAsync(BusMessage.Join, connection, replyTo);
        if (reply is null && Successor is { } next)
        {
            relay.Unregister(connection.PlayerId, connection);
            return await next.JoinAsync(connection, replyTo);
        }

        if (reply is { Ok: true })
        {
            connection.Room = this;
            return RoomOutcome.Ok;
        }

        relay.Unregister(connection.PlayerId, connection);
        CloseIfUnused();
        if (reply is null)
        {
            _ = CheckOwnerAsync();
            return RoomOutcome.Error(ErrorCodes.Unavailable, receivers == 0
                ? "The room is moving to another server; nothing was applied. Try again in a moment."
                : "The room's server did not answer in time; try again.");
        }

        if (reply.Gone)
        {
            await CloseRelayAsync();
            return RoomOutcome.Gone;
        }

        return RoomOutcome.Error(reply.Error ?? ErrorCodes.Unavailable, reply.Text ?? "The room's server refused.");
    }

    private async Task<bool> RelayAttachAsync(PlayerConnection connection)
    {
        var relay = _relay!;
        relay.Register(connection);
        var (_, reply) = await RelayRequestAsync(BusMessage.Attach, connection, null);
        if (Successor is { } next)
        {
            // This node took the room over meanwhile: attach to it here.
            relay.Unregister(connection.PlayerId, connection);
            return await next.AttachAsync(connection);
        }

        if (reply is null)
        {
            // The owner is gone, paused or slow: the socket stays here; the sweep asks again, and a
            // takeover attaches it.
            connection.Room = this;
            relay.SetConfirmed(connection.PlayerId, confirmed: false);
            _ = CheckOwnerAsync();
            return true;
        }

        if (reply.Ok)
        {
            connection.Room = this;
            relay.SetConfirmed(connection.PlayerId, confirmed: true);
            return true;
        }

        relay.Unregister(connection.PlayerId, connection);
        if (reply.Gone)
        {
            await CloseRelayAsync();
        }

        return false;
    }

    private async Task<RoomOutcome> RelayLeaveAsync(PlayerConnection connection, string? replyTo)
    {
        var (_, reply) = await RelayRequestAsync(BusMessage.Leave, connection, replyTo);
        if (reply is null)
        {
            _ = CheckOwnerAsync();
            return RoomOutcome.Error(ErrorCodes.Unavailable, "The room's server cannot be reached right now; you still hold your seat. Try again.");
        }

        if (reply.Ok)
        {
            _relay!.Unregister(connection.PlayerId, connection);
            return RoomOutcome.Ok;
        }

        return reply.Gone ? RoomOutcome.Gone : RoomOutcome.Error(reply.Error ?? ErrorCodes.Unavailable, reply.Text ?? "The room's server refused.");
    }

    private bool RelayPost(PlayerConnection connection, ClientCommand command)
    {
        if (_closed)
        {
            return false;
        }

        if (FromCommand(command) is not { } wire)
        {
            connection.SendError(ErrorCodes.UnknownType, "A room does not take this message.", command.Id);
            return true;
        }

        _ = RelayCommandAsync(connection, command.Id, wire.Type, wire.Argument);
        return true;
    }

    private async Task RelayCommandAsync(PlayerConnection connection, string? id, string type, string? argument)
    {
        long receivers;
        try
        {
            receivers = await _context.Bus.PublishAsync(
                _context.Bus.CommandChannel(Code),
                new BusMessage { Kind = BusMessage.RoomCommand, Node = _context.Node.Id, Player = connection.PlayerId, Name = connection.Name, ReplyTo = id, Command = type, Argument = argument });
        }
        catch (Exception ex) when (ex is RedisException or HybridDataException or TimeoutException)
        {
            connection.SendError(ErrorCodes.Unavailable, "The room's server cannot be reached right now; nothing was applied. Try again.", id);
            return;
        }

        if (receivers == 0)
        {
            connection.SendError(ErrorCodes.Unavailable, "The room is moving to another server; nothing was applied. Try again in a moment.", id);
            _ = CheckOwnerAsync();
        }
    }

    private void RelayDetach(PlayerConnection connection)
    {
        if (_relay!.Unregister(connection.PlayerId, connection) is not null)
        {
            _context.Bus.Post(_context.Bus.CommandChannel(Code), new BusMessage { Kind = BusMessage.Detach, Node = _context.Node.Id, Player = connection.PlayerId, Name = connection.Name });
            CloseIfUnused();
        }
    }

    /// <summary>A relay without players here and without requests in flight is closed (unsubscribed).</summary>
    private void CloseIfUnused()
    {
        if (_relay is { } relay && relay.Players().Length == 0 && relay.Pending.IsEmpty)
        {
            _ = CloseRelayAsync();
        }
    }

    /// <summary>Sends a request to the owner and waits for its answer; null reply when nobody listens or the owner does not answer in time.</summary>
    private async Task<(long Receivers, BusMessage? Reply)> RelayRequestAsync(string kind, PlayerConnection connection, string? replyTo)
    {
        var relay = _relay!;
        var id = relay.NextRequestId();
        var pending = new TaskCompletionSource<BusMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        relay.Pending[id] = pending;
        try
        {
            var receivers = await _context.Bus.PublishAsync(
                _context.Bus.CommandChannel(Code),
                new BusMessage { Kind = kind, Node = _context.Node.Id, Player = connection.PlayerId, Name = connection.Name, Request = id, ReplyTo = replyTo });
            if (receivers == 0)
            {
                return (0, null);
            }

            try
            {
                return (receivers, await pending.Task.WaitAsync(_context.Cluster.RelayTimeout, _time));
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                return (receivers, null);
            }
        }
        catch (Exception ex) when (ex is RedisException or HybridDataException)
        {
            RoomLog.SideEffectFailed(_logger, Code, "relay " + kind, ex);
            return (0, null);
        }
        finally
        {
            relay.Pending.TryRemove(id, out _);
        }
    }

    /// <summary>A message from the owner on the room's event channel.</summary>
    private Task OnEventMessageAsync(BusMessage message)
    {
        var relay = _relay!;
        var mine = message.Node == _context.Node.Id;
        switch (message.Kind)
        {
            case BusMessage.Frame when mine && message.Player is { } player && message.Body is { } body:
                relay.Find(player)?.SendFrame(Encoding.UTF8.GetBytes(body));
                break;
            case BusMessage.Unbind when mine && message.Player is { } player:
                if (relay.Unregister(player) is { } connection && ReferenceEquals(connection.Room, this))
                {
                    connection.Room = null;
                }

                CloseIfUnused();

                break;
            case BusMessage.Reply when mine && message.Request is { } request:
                if (relay.Pending.TryRemove(request, out var pending))
                {
                    pending.TrySetResult(message);
                }

                break;
            case BusMessage.Owner when !mine && message.Node is { } owner:
                relay.Holder = owner;
                _ = ReattachAllAsync();
                break;
            case BusMessage.Released:
                _ = CheckOwnerAsync();
                break;
            case BusMessage.Finished:
                relay.Finished = true;
                break;
            default:
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>A new owner took the room: this node's players attach to it again (room_joined + state from the owner).</summary>
    private Task ReattachAllAsync() => ReattachAsync(_relay!.Players());

    private async Task ReattachAsync(PlayerConnection[] connections)
    {
        var relay = _relay!;
        foreach (var connection in connections)
        {
            var (_, reply) = await RelayRequestAsync(BusMessage.Attach, connection, null);
            relay.SetConfirmed(connection.PlayerId, confirmed: reply is not null);
            if (reply is { Ok: false, Gone: false } && relay.Unregister(connection.PlayerId, connection) is not null && ReferenceEquals(connection.Room, this))
            {
                connection.Room = null;
            }
        }
    }

    /// <summary>The sweep: when nobody holds the room's lease any more, this node takes the room over.</summary>
    private async Task CheckOwnerAsync()
    {
        var relay = _relay;
        if (relay is null || relay.Closed || _manager.Stopping || !relay.TryBeginCheck())
        {
            return;
        }

        try
        {
            var holder = await _context.Leases.GetHolderAsync(Code);
            if (holder is null)
            {
                await _manager.TakeOverAsync(this);
            }
            else if (new Hokm.Data.Live.LeaseAcquisition(null, holder).HolderNode is var owner && owner != relay.Holder)
            {
                // A takeover whose announcement this node missed: attach everyone to the new owner.
                relay.Holder = owner;
                await ReattachAllAsync();
            }
            else if (relay.Unconfirmed() is { Length: > 0 } unconfirmed)
            {
                await ReattachAsync(unconfirmed);
            }
        }
        catch (Exception ex) when (ex is HybridDataException or RedisException or TimeoutException)
        {
            RoomLog.SideEffectFailed(_logger, Code, "owner check", ex);
        }
        finally
        {
            relay.EndCheck();
        }
    }

    /// <summary>Stops relaying (unsubscribes) and forgets the room on this node.</summary>
    public Task CloseRelayAsync()
    {
        if (_relay is not { Closed: false } relay)
        {
            return Task.CompletedTask;
        }

        relay.Closed = true;
        _closed = true;
        relay.Sweep?.Dispose();
        _manager.Remove(this);
        if (relay.Subscription is { } subscription)
        {
            // Not awaited: the subscription's own handler may be what is closing the relay.
            _ = subscription.DisposeAsync().AsTask();
        }

        foreach (var pending in relay.Pending.Values)
        {
            pending.TrySetCanceled();
        }

        return Task.CompletedTask;
    }
}
