using System.Net.WebSockets;
using System.Threading.Channels;
using Hokm.Server.Diagnostics;
using Hokm.Server.Protocol;
using Hokm.Server.Rooms;

namespace Hokm.Server.Connections;

/// <summary>
/// One player's socket as the rest of the server sees it: a queue of outgoing frames drained by a
/// single writer (a WebSocket allows one send at a time), the room the player sits in, and the
/// close handshake. Safe to call from any thread; rooms send to it from their own loops.
/// </summary>
internal sealed class PlayerConnection
{
    private static long s_lastId;

    private readonly WebSocket _socket;
    private readonly HokmDiagnostics _diagnostics;
    private readonly int _queueLimit;
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RoomHost? _room;
    private int _queued;
    private int _closeRequested;
    private int _replaced;

    public PlayerConnection(WebSocket socket, string playerId, string name, int queueLimit, HokmDiagnostics diagnostics)
    {
        _socket = socket;
        _diagnostics = diagnostics;
        _queueLimit = queueLimit;
        PlayerId = playerId;
        Name = name;
        Id = Interlocked.Increment(ref s_lastId);
    }

    /// <summary>A number unique in this process (for logs).</summary>
    public long Id { get; }

    /// <summary>The player's id.</summary>
    public string PlayerId { get; }

    /// <summary>The player's display name.</summary>
    public string Name { get; }

    /// <summary>The room this socket is attached to (set by the room's loop), or null.</summary>
    public RoomHost? Room
    {
        get => Volatile.Read(ref _room);
        set => Volatile.Write(ref _room, value);
    }

    /// <summary>True once a newer socket of the same player replaced this one.</summary>
    public bool Replaced => Volatile.Read(ref _replaced) != 0;

    /// <summary>True once a close frame has been queued: further input is ignored.</summary>
    public bool IsClosing => Volatile.Read(ref _closeRequested) != 0;

    /// <summary>Completes when the socket's session has ended.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Queues a message.</summary>
    public void Send(ServerMessage message) => SendFrame(ServerMessages.Serialize(message));

    /// <summary>Queues an <c>error</c> (and counts it).</summary>
    public void SendError(string code, string message, string? replyTo)
    {
        _diagnostics.ErrorSent(code);
        Send(new ErrorMessage(code, message) { ReplyTo = replyTo });
    }

    /// <summary>Queues an already serialised frame.</summary>
    public void SendFrame(byte[] frame)
    {
        if (IsClosing)
        {
            return;
        }

        if (Interlocked.Increment(ref _queued) > _queueLimit)
        {
            // A client that does not read its socket must not make the server buffer without end.
            Interlocked.Exchange(ref _closeRequested, 1);
            _socket.Abort();
            _outgoing.Writer.TryComplete();
            return;
        }

        _outgoing.Writer.TryWrite(new Outgoing(frame, null, null));
    }

    /// <summary>Queues the close frame (once): frames queued before it are still sent.</summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) == 0)
        {
            _outgoing.Writer.TryWrite(new Outgoing(null, status, reason));
        }
    }

    /// <summary>Marks this socket as replaced by a newer one of the same player.</summary>
    public void MarkReplaced() => Interlocked.Exchange(ref _replaced, 1);

    /// <summary>Sends queued frames until the close frame or the end of the session.</summary>
    public async Task RunWriterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                if (item.CloseStatus is { } status)
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(status, item.CloseReason, cancellationToken);
                    }

                    return;
                }

                Interlocked.Decrement(ref _queued);
                await _socket.SendAsync(item.Frame!, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The peer went away or the socket was aborted: the receive side ends the session.
        }
    }

    /// <summary>Ends the outgoing queue (the writer stops after what is queued).</summary>
    public void CompleteOutgoing() => _outgoing.Writer.TryComplete();

    /// <summary>Marks the session as ended.</summary>
    public void MarkEnded() => _ended.TrySetResult();

    private readonly record struct Outgoing(byte[]? Frame, WebSocketCloseStatus? CloseStatus, string? CloseReason);
}
