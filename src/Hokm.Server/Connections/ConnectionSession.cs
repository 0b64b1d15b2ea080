using System.Buffers;
using System.Net.WebSockets;
using Hokm.Server.Auth;
using Hokm.Server.Protocol;
using Hokm.Server.Rooms;

namespace Hokm.Server.Connections;

/// <summary>
/// One socket from accept to close: <c>welcome</c>, reattachment to the player's seat, then the
/// receive loop — frame size limit, rate limit, parsing — handing each command to its room.
/// Errors are answered on the socket and change nothing; only <c>message_too_large</c> (1009),
/// repeated <c>rate_limited</c> (1008), idleness (1000), a newer socket of the same player (4001)
/// and shutdown (1001) close it.
/// </summary>
internal sealed class ConnectionSession
{
    /// <summary>Close status sent to a socket replaced by a newer one of the same player.</summary>
    public const WebSocketCloseStatus ReplacedStatus = (WebSocketCloseStatus)4001;

    private readonly WebSocket _socket;
    private readonly ConnectionContext _context;
    private readonly ConnectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PlayerConnection _connection;
    private readonly SocketRateLimiter _rateLimiter;
    // Rented only while a message is being read: an idle socket waits with a zero-byte receive and
    // holds no buffer (docs/performance.md, "Memory per connected player").
    private byte[]? _buffer;
    private Task<ValueWebSocketReceiveResult>? _pendingReceive;
    private long _lastPresence;

    public ConnectionSession(WebSocket socket, PlayerIdentity identity, ConnectionContext context)
    {
        _socket = socket;
        _context = context;
        _options = context.Options;
        _time = context.Time;
        _logger = context.Logger;
        _connection = new PlayerConnection(socket, identity.PlayerId, identity.Name, _options.SendQueueLimit, context.Diagnostics);
        _rateLimiter = new SocketRateLimiter(_options, _time);
    }

    public async Task RunAsync(CancellationToken aborted)
    {
        _context.Diagnostics.SocketOpened(1);
        var writer = _connection.RunWriterAsync(aborted);
        try
        {
            ConnectionLog.Connected(_logger, _connection.PlayerId, _connection.Id);
            var previous = _context.Registry.Register(_connection);
            if (previous is not null)
            {
                ConnectionLog.Replaced(_logger, _connection.PlayerId, previous.Id);
                previous.MarkReplaced();
                previous.Close(ReplacedStatus, "Replaced by a newer connection of the same player.");
            }

            _connection.Send(new WelcomeMessage(_connection.PlayerId, _connection.Name, ServerMessages.ProtocolVersion, _time.GetUtcNow()));
            RefreshPresence(force: true);
            await ReattachAsync(previous?.Room);
            await ReceiveLoopAsync(aborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer vanished or the request was aborted.
        }
        catch (Exception ex)
        {
            ConnectionLog.SessionFailed(_logger, _connection.Id, _connection.PlayerId, ex);
        }
        finally
        {
            _context.Registry.Unregister(_connection);
            if (!_connection.Replaced)
            {
                _connection.Room?.Detach(_connection);
                _ = UpdatePresenceAsync(connected: false);
            }

            _connection.CompleteOutgoing();
            await writer.WaitAsync(_options.CloseTimeout, _time, CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
            if (_socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
            {
                _socket.Abort();
            }

            _rateLimiter.Dispose();
            _connection.MarkEnded();
            _context.Diagnostics.SocketOpened(-1);
            ConnectionLog.Disconnected(_logger, _connection.PlayerId, _connection.Id);
        }
    }

    private async Task ReattachAsync(RoomHost? handedOver)
    {
        // A socket that replaces another takes over its room directly (no store round trip).
        if (handedOver is not null && await handedOver.AttachAsync(_connection))
        {
            return;
        }

        try
        {
            await _context.Rooms.ReattachAsync(_connection);
        }
        catch (Exception ex) when (ex is Hokm.Data.Errors.HybridDataException or TimeoutException)
        {
            ConnectionLog.SeatLookupFailed(_logger, _connection.PlayerId, ex);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken aborted)
    {
        try
        {
            while (true)
            {
                try
                {
                    if (!await ReceiveMessageAndDispatchAsync(aborted))
                    {
                        return;
                    }
                }
                finally
                {
                    ReleaseBuffer();
                }
            }
        }
        finally
        {
            ReleaseBuffer();
        }
    }

    /// <summary>Returns the message buffer to the pool, unless a receive into it is still pending (then the GC takes it).</summary>
    private void ReleaseBuffer()
    {
        if (_buffer is { } buffer && _pendingReceive is null)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one message and handles it; false when the socket is done.</summary>
    private async Task<bool> ReceiveMessageAndDispatchAsync(CancellationToken aborted)
    {
        var count = 0;
        var tooLarge = false;
        var type = WebSocketMessageType.Text;
        while (true)
        {
            var timeout = _connection.IsClosing ? _options.CloseTimeout : _options.IdleTimeout;
            var result = _buffer is null && _pendingReceive is null
                ? await ReceiveAsync(Memory<byte>.Empty, timeout, aborted) // wait for data without a buffer
                : await ReceiveAsync((_buffer ??= ArrayPool<byte>.Shared.Rent(ClientMessageParser.MaxMessageBytes + 1)).AsMemory(count, ClientMessageParser.MaxMessageBytes + 1 - count), timeout, aborted);
            if (result is null)
            {
                if (_connection.IsClosing)
                {
                    return false; // No answer to our close frame: the caller's finally block aborts the socket.
                }

                CloseBecause(WebSocketCloseStatus.NormalClosure, "Idle timeout.");
                continue;
            }

            if (result.Value.MessageType == WebSocketMessageType.Close)
            {
                // The client's close frame (or its answer to ours): answer it and end.
                _connection.Close(WebSocketCloseStatus.NormalClosure, "Bye.");
                return false;
            }

            if (_buffer is null && result.Value.Count == 0 && !result.Value.EndOfMessage)
            {
                // Data has arrived: read it into a rented buffer.
                _buffer = ArrayPool<byte>.Shared.Rent(ClientMessageParser.MaxMessageBytes + 1);
                continue;
            }

            type = result.Value.MessageType;
            count += result.Value.Count;
            if (count > ClientMessageParser.MaxMessageBytes)
            {
                tooLarge = true;
                break;
            }

            if (result.Value.EndOfMessage)
            {
                break;
            }
        }

        if (_connection.IsClosing)
        {
            return true;
        }

        if (tooLarge)
        {
            _connection.SendError(ErrorCodes.MessageTooLarge, $"A message may be at most {ClientMessageParser.MaxMessageBytes} bytes.", null);
            CloseBecause(WebSocketCloseStatus.MessageTooBig, "Message too large.");
            return true;
        }

        var receivedAt = _time.GetTimestamp();
        if (!_rateLimiter.TryAcquire())
        {
            _connection.SendError(ErrorCodes.RateLimited, "Too many messages; slow down.", null);
            if (_rateLimiter.RecordViolation())
            {
                CloseBecause(WebSocketCloseStatus.PolicyViolation, "Rate limit exceeded repeatedly.");
            }

            return true;
        }

        RefreshPresence(force: false);
        if (type != WebSocketMessageType.Text)
        {
            _connection.SendError(ErrorCodes.BadJson, "Messages are JSON text frames, not binary.", null);
            return true;
        }

        var parsed = ClientMessageParser.Parse(_buffer is null ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(0, count));
        if (parsed.Error is { } error)
        {
            _connection.SendError(error.Code, error.Message, error.ReplyTo);
            return true;
        }

        await DispatchAsync(parsed.Command!, receivedAt);
        return true;
    }

    /// <summary>One receive with a timeout; a receive that timed out stays pending and is awaited again (a socket allows one receive at a time).</summary>
    private async Task<ValueWebSocketReceiveResult?> ReceiveAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken aborted)
    {
        _pendingReceive ??= _socket.ReceiveAsync(buffer, aborted).AsTask();
        try
        {
            var result = await _pendingReceive.WaitAsync(timeout, _time, aborted);
            _pendingReceive = null;
            return result;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private void CloseBecause(WebSocketCloseStatus status, string reason)
    {
        ConnectionLog.ClosedByServer(_logger, _connection.Id, _connection.PlayerId, reason);
        _connection.Close(status, reason);
    }

    private async Task DispatchAsync(ClientCommand command, long receivedAt)
    {
        if (command is PingCommand)
        {
            _connection.Send(new PongMessage(_time.GetUtcNow()) { ReplyTo = command.Id });
            return;
        }

        var rooms = _context.Rooms;
        if (rooms.Stopping)
        {
            _connection.SendError(ErrorCodes.Unavailable, "The server is shutting down; reconnect in a moment.", command.Id);
            return;
        }

        switch (command)
        {
            case CreateRoomCommand create:
                if (CheckNotSeated(command))
                {
                    Report(await rooms.CreateAsync(_connection, create), command);
                }

                break;
            case JoinRoomCommand join:
                if (CheckNotSeated(command))
                {
                    Report(await rooms.JoinAsync(_connection, join.Room, join.Id), command);
                }

                break;
            case QuickMatchCommand:
                if (CheckNotSeated(command))
                {
                    Report(await rooms.QuickMatchAsync(_connection, command.Id), command);
                }

                break;
            case SyncCommand:
                await SyncAsync(command);
                break;
            case LeaveRoomCommand:
                var room = _connection.Room;
                var outcome = room is null ? RoomOutcome.Gone : await room.LeaveAsync(_connection, command.Id);
                if (outcome.IsGone)
                {
                    _connection.Room = null;
                    _connection.SendError(ErrorCodes.NotSeated, "You do not hold a seat.", command.Id);
                }
                else
                {
                    Report(outcome, command);
                }

                break;
            default:
                // add_bot, choose_trump, play_card: the room answers (events, or an error) on its own loop.
                if (_connection.Room is not { } current || !current.Post(_connection, command, receivedAt))
                {
                    _connection.Room = null;
                    _connection.SendError(ErrorCodes.NotSeated, "You do not hold a seat.", command.Id);
                }

                break;
        }
    }

    private async Task SyncAsync(ClientCommand command)
    {
        if (_connection.Room is { } room && room.Post(_connection, command, _time.GetTimestamp()))
        {
            return;
        }

        _connection.Room = null;
        try
        {
            // Perhaps the player's seat could not be found when the socket opened: look again.
            if (await _context.Rooms.ReattachAsync(_connection))
            {
                return;
            }
        }
        catch (Exception ex) when (ex is Hokm.Data.Errors.HybridDataException or TimeoutException)
        {
            _connection.SendError(ErrorCodes.Unavailable, "Your seat cannot be looked up right now.", command.Id);
            return;
        }

        _connection.Send(RoomViews.Unseated(command.Id));
    }

    /// <summary>True when the player may take a seat; otherwise answers <c>already_seated</c>.</summary>
    private bool CheckNotSeated(ClientCommand command)
    {
        if (_connection.Room is { } room)
        {
            if (!room.IsFinished)
            {
                _connection.SendError(ErrorCodes.AlreadySeated, $"You already hold a seat in room {room.Code}; leave it first.", command.Id);
                return false;
            }

            _connection.Room = null;
        }

        return true;
    }

    private void Report(RoomOutcome outcome, ClientCommand command)
    {
        if (outcome.ErrorCode is { } code)
        {
            _connection.SendError(code, outcome.Message ?? code, command.Id);
        }
    }

    private void RefreshPresence(bool force)
    {
        var now = _time.GetTimestamp();
        if (force || _time.GetElapsedTime(_lastPresence, now) >= _options.PresenceRefresh)
        {
            _lastPresence = now;
            _ = UpdatePresenceAsync(connected: true);
        }
    }

    private async Task UpdatePresenceAsync(bool connected)
    {
        try
        {
            if (connected)
            {
                await _context.Data.Sessions.MarkConnectedAsync(_connection.PlayerId);
            }
            else
            {
                await _context.Data.Sessions.MarkDisconnectedAsync(_connection.PlayerId);
            }
        }
        catch (Exception ex)
        {
            // Presence is a hint (counts, which node); play never waits for it.
            ConnectionLog.PresenceFailed(_logger, _connection.PlayerId, ex);
        }
    }
}
