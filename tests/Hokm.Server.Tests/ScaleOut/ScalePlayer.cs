using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.ScaleOut;

/// <summary>
/// One player through the load balancer, as a simple human would play (the suit of its first card
/// as trump, the first legal card). When its socket drops (its node died) it connects again through
/// the load balancer; when told <c>unavailable</c> (the room is moving to another node) it asks for
/// the state again a moment later. Every frame is kept for the privacy and consistency checks; every
/// wait is bounded.
/// </summary>
internal sealed class ScalePlayer : IAsyncDisposable
{
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(30);
    private readonly Uri _uri;
    private readonly List<ServerFrame> _frames = [];
    private readonly Lock _gate = new();
    private ClientWebSocket? _socket;
    private Channel<ServerFrame> _inbox = Channel.CreateUnbounded<ServerFrame>();
    private Task _receiver = Task.CompletedTask;
    private int _nextId;
    private long _lastFrameAt;
    private bool _acted;
    private List<string> _hand = [];

    public ScalePlayer(Uri uri, string name, string playerId, string token)
    {
        _uri = uri;
        Name = name;
        PlayerId = playerId;
        Token = token;
    }

    public string Name { get; }

    public string PlayerId { get; }

    public string Token { get; }

    public int Seat { get; private set; } = -1;

    /// <summary>How often the socket was opened again after it dropped.</summary>
    public int Reconnections { get; private set; }

    /// <summary>True when the player came back after its game had ended (answered by an unseated <c>state</c>).</summary>
    public bool EndedWhileAway { get; private set; }

    /// <summary>The longest wait between two frames (diagnostics).</summary>
    public TimeSpan LongestGap { get; private set; }

    /// <summary>Errors received (code and text), in order.</summary>
    public List<string> Errors { get; } = [];

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

    public async Task ConnectAsync()
    {
        _socket?.Dispose();
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetRequestHeader("Authorization", $"Bearer {Token}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(_uri, timeout.Token);
        _socket = socket;
        _inbox = Channel.CreateUnbounded<ServerFrame>();
        var inbox = _inbox;
        _receiver = Task.Run(() => ReceiveLoopAsync(socket, inbox));
        var welcome = await NextAsync();
        if (welcome?.Type != "welcome")
        {
            throw new InvalidOperationException($"{Name}: expected welcome, got {welcome?.Raw ?? "a closed socket"}");
        }
    }

    /// <summary>Sends a request and returns the first frame answering it (skipping others, which are kept).</summary>
    public async Task<ServerFrame> RequestAsync(string type, Dictionary<string, object?>? fields = null)
    {
        var id = await SendAsync(type, fields);
        for (var i = 0; i < 1000; i++)
        {
            var frame = await NextAsync() ?? throw new InvalidOperationException($"{Name}: the socket closed while waiting for the answer to {type}.");
            if (frame.ReplyTo == id)
            {
                return frame;
            }
        }

        throw new InvalidOperationException($"{Name}: no answer to {type} within 1000 frames.");
    }

    /// <summary>
    /// Plays until <c>game_over</c>; returns it. Reconnects (bounded) when the socket drops; returns the
    /// unseated <c>state</c> when the game ended while it was away (<see cref="EndedWhileAway"/>).
    /// </summary>
    public async Task<ServerFrame> PlayAsync(Func<ServerFrame, Task>? observe = null)
    {
        for (var frames = 0; frames < 20_000; frames++)
        {
            var frame = await NextAsync();
            if (frame is null)
            {
                await ReconnectAsync();
                continue;
            }

            if (observe is not null)
            {
                await observe(frame);
            }

            switch (frame.Type)
            {
                case "game_over":
                    return frame;
                case "room_joined":
                    Seat = frame.Int("seat");
                    break;
                case "cards_dealt":
                    _hand = [.. frame.Cards("cards")];
                    break;
                case "hakem_chosen":
                case "trump_chosen":
                case "card_played":
                    _acted = false;
                    if (frame.Type == "card_played" && frame.Int("seat") == Seat)
                    {
                        _hand.Remove(frame.Str("card")!);
                    }

                    break;
                case "turn" when frame.Int("seat") == Seat:
                    await ActAsync(frame.Str("action") == "choose_trump", frame.Cards("legal"));
                    break;
                case "state" when frame.Str("room") is null && Reconnections > 0:
                    // The game ended while this player was away (its seat is forgotten once the game is stored).
                    EndedWhileAway = true;
                    return frame;
                case "state":
                    Seat = frame.IntOrNull("seat") ?? Seat;
                    _hand = [.. frame.Cards("hand")];
                    _acted = false;
                    if (frame.IntOrNull("turn") == Seat)
                    {
                        await ActAsync(frame.Str("phase") == "choosing_trump", frame.Cards("legal"));
                    }

                    break;
                case "error":
                    Errors.Add($"{frame.Code}: {frame.Str("message")}");
                    if (frame.Code is "unavailable" or "not_your_turn" or "wrong_phase" or "card_not_in_hand" or "must_follow_suit" or "not_hakem")
                    {
                        // The room moved (or our view was stale): look at the table again.
                        await Task.Delay(200);
                        await SendAsync("sync");
                    }
                    else if (frame.Code == "not_seated")
                    {
                        throw new InvalidOperationException($"{Name} (seat {Seat}) lost its seat: {frame.Raw}");
                    }

                    break;
                default:
                    break;
            }
        }

        throw new InvalidOperationException($"{Name}: the game did not end within 20000 frames.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _socket, null) is { } socket)
        {
            socket.Abort();
            socket.Dispose();
        }

        await _receiver.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task ReconnectAsync()
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            try
            {
                await ConnectAsync();
                Reconnections++;

                // Seated: the server sends room_joined and state by itself; if the game ended meanwhile, this says so.
                await SendAsync("sync");
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or OperationCanceledException)
            {
                last = ex;
                await Task.Delay(250);
            }
        }

        throw new InvalidOperationException($"{Name}: could not reconnect through the load balancer.", last);
    }

    private async Task ActAsync(bool chooseTrump, IReadOnlyList<string> legal)
    {
        if (_acted || (chooseTrump ? _hand.Count == 0 : legal.Count == 0))
        {
            return;
        }

        _acted = true;
        if (chooseTrump)
        {
            await SendAsync("choose_trump", new Dictionary<string, object?> { ["suit"] = _hand[0][^1..] });
        }
        else
        {
            await SendAsync("play_card", new Dictionary<string, object?> { ["card"] = legal[0] });
        }
    }

    private async Task<string> SendAsync(string type, Dictionary<string, object?>? fields = null)
    {
        var id = $"{Name}-{Interlocked.Increment(ref _nextId)}";
        var message = new Dictionary<string, object?> { ["type"] = type, ["id"] = id };
        foreach (var (key, value) in fields ?? [])
        {
            message[key] = value;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _socket!.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket dropped: the play loop sees the end of the inbox and reconnects.
        }

        return id;
    }

    /// <summary>The next frame, or null when the socket closed.</summary>
    private async Task<ServerFrame?> NextAsync()
    {
        using var timeout = new CancellationTokenSource(FrameTimeout);
        try
        {
            return await _inbox.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            var tail = string.Join(Environment.NewLine, Frames.TakeLast(8).Select(static f => f.Raw));
            throw new TimeoutException($"{Name} (seat {Seat}): no frame within {FrameTimeout.TotalSeconds} s. Last frames:{Environment.NewLine}{tail}");
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, Channel<ServerFrame> inbox)
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
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None) is var r
                        ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage)
                        : throw new InvalidOperationException();
                    count += result.Count;
                }
                while (!result.EndOfMessage && count < buffer.Length);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var frame = ServerFrame.Parse(Encoding.UTF8.GetString(buffer, 0, count));
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    _frames.Add(frame);
                    if (_lastFrameAt != 0 && System.Diagnostics.Stopwatch.GetElapsedTime(_lastFrameAt, now) is var gap && gap > LongestGap)
                    {
                        LongestGap = gap;
                    }

                    _lastFrameAt = now;
                }

                inbox.Writer.TryWrite(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Dropped.
        }
        finally
        {
            inbox.Writer.TryComplete();
        }
    }
}
