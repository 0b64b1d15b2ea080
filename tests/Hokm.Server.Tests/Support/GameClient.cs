using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Hokm.Server.Tests.Hosting;

namespace Hokm.Server.Tests.Support;

/// <summary>
/// A protocol client over a real <see cref="ClientWebSocket"/>: sends JSON text frames, receives
/// every server frame into an inbox (kept, in order, in <see cref="Frames"/> for checks over a
/// whole game), and answers the server's close frame. Every wait is bounded.
/// </summary>
internal sealed class GameClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly Channel<ServerFrame> _inbox = Channel.CreateUnbounded<ServerFrame>();
    private readonly List<ServerFrame> _frames = [];
    private readonly Lock _gate = new();
    private readonly Task _receiver;
    private int _nextId;

    private GameClient(ClientWebSocket socket, string name)
    {
        _socket = socket;
        Name = name;
        _receiver = Task.Run(ReceiveLoopAsync);
    }

    public string Name { get; }

    /// <summary>The close status the server sent, once the socket closed.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    /// <summary>Completes when the socket is closed (by either side) or broken.</summary>
    public Task Closed => _receiver;

    /// <summary>Every frame received so far, in order.</summary>
    public IReadOnlyList<ServerFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    public static async Task<GameClient> ConnectAsync(ServerHost host, string token, string name = "client", bool tokenInQuery = false, string? origin = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        var uri = host.WebSocketUri;
        if (tokenInQuery)
        {
            uri = new Uri($"{uri}?access_token={Uri.EscapeDataString(token)}");
        }
        else
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new GameClient(socket, name);
    }

    /// <summary>Sends raw text as one frame.</summary>
    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Sends a message of <paramref name="type"/> with the given fields and a fresh id; returns the id.</summary>
    public async Task<string> SendAsync(string type, Dictionary<string, object?>? fields = null)
    {
        var id = $"{Name}-{Interlocked.Increment(ref _nextId)}";
        var message = new Dictionary<string, object?> { ["type"] = type, ["id"] = id };
        foreach (var (key, value) in fields ?? new Dictionary<string, object?>())
        {
            message[key] = value;
        }

        await SendTextAsync(JsonSerializer.Serialize(message));
        return id;
    }

    /// <summary>Sends a binary frame.</summary>
    public async Task SendBinaryAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, timeout.Token);
    }

    /// <summary>The next frame, or an exception when none comes within the timeout or the socket closed.</summary>
    public async Task<ServerFrame> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _inbox.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name}: no message within {(timeout ?? DefaultTimeout).TotalSeconds} s. Last frames:{Environment.NewLine}{Tail()}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"{Name}: the socket closed ({CloseStatus}) while a message was expected. Last frames:{Environment.NewLine}{Tail()}");
        }
    }

    /// <summary>Skips frames until one of <paramref name="type"/> (and matching <paramref name="match"/>) arrives.</summary>
    public Task<ServerFrame> WaitForAsync(string type, Func<ServerFrame, bool>? match = null, TimeSpan? timeout = null) =>
        NextFrameAsync(frame => frame.Type == type && (match is null || match(frame)), $"'{type}'", timeout);

    /// <summary>The answer to the request <paramref name="id"/>: the first frame whose replyTo is that id.</summary>
    public Task<ServerFrame> ReplyToAsync(string id, TimeSpan? timeout = null) =>
        WaitForReplyAsync(id, timeout);

    /// <summary>Sends a request and returns the first frame that answers it.</summary>
    public async Task<ServerFrame> RequestAsync(string type, Dictionary<string, object?>? fields = null, TimeSpan? timeout = null)
    {
        var id = await SendAsync(type, fields);
        return await WaitForReplyAsync(id, timeout);
    }

    /// <summary>Asks for <c>state</c> and returns it.</summary>
    public async Task<ServerFrame> SyncAsync()
    {
        var reply = await RequestAsync("sync");
        Assert.Equal("state", reply.Type);
        return reply;
    }

    /// <summary>Frames that are still in the inbox (not yet read), without waiting.</summary>
    public IReadOnlyList<ServerFrame> Drain()
    {
        var frames = new List<ServerFrame>();
        while (_inbox.Reader.TryRead(out var frame))
        {
            frames.Add(frame);
        }

        return frames;
    }

    /// <summary>Waits until the server closes the socket; returns its close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitClosedAsync(TimeSpan? timeout = null)
    {
        await _receiver.WaitAsync(timeout ?? DefaultTimeout);
        return CloseStatus;
    }

    /// <summary>Drops the connection without a close handshake (a network failure, a killed app).</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }

        try
        {
            await _receiver.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _socket.Abort();
        }

        _socket.Dispose();
    }

    private Task<ServerFrame> WaitForReplyAsync(string id, TimeSpan? timeout) =>
        NextFrameAsync(frame => frame.ReplyTo == id, $"the reply to {id}", timeout);

    /// <summary>Skips frames until one matches; a timeout or a closed socket fails with the last frames seen.</summary>
    private async Task<ServerFrame> NextFrameAsync(Func<ServerFrame, bool> wanted, string what, TimeSpan? timeout)
    {
        var limit = timeout ?? DefaultTimeout;
        using var cts = new CancellationTokenSource(limit);
        for (var skipped = 0; skipped < 10_000; skipped++)
        {
            ServerFrame frame;
            try
            {
                frame = await _inbox.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name}: no {what} within {limit.TotalSeconds} s. Last frames:{Environment.NewLine}{Tail()}");
            }
            catch (ChannelClosedException)
            {
                throw new InvalidOperationException($"{Name}: the socket closed ({CloseStatus}) while waiting for {what}. Last frames:{Environment.NewLine}{Tail()}");
            }

            if (wanted(frame))
            {
                return frame;
            }
        }

        throw new InvalidOperationException($"{Name}: too many frames before {what}.");
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), CancellationToken.None);
                    count += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = result.CloseStatus;
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "ok", timeout.Token);
                    }

                    return;
                }

                var frame = ServerFrame.Parse(Encoding.UTF8.GetString(buffer, 0, count));
                lock (_gate)
                {
                    _frames.Add(frame);
                }

                _inbox.Writer.TryWrite(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted or broken: the inbox completes below.
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }

    private string Tail()
    {
        var frames = Frames;
        return string.Join(Environment.NewLine, frames.Skip(Math.Max(0, frames.Count - 12)).Select(static f => f.Raw));
    }
}
