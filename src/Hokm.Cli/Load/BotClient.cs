using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace Hokm.Cli.Load;

/// <summary>
/// One bot player on one real WebSocket, speaking only the public protocol: it answers its own
/// <c>turn</c> after the think time with a card from <c>legal</c> (or, as Hakem, the suit it holds
/// most), and reports what it saw to its table.
/// </summary>
internal sealed class BotClient(LoadContext context, GameTable table, string name, string token) : IAsyncDisposable
{
    private const int MaxFrame = 64 * 1024;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _lock = new();
    private ClientWebSocket? _socket;
    private Task? _receiving;
    private int _generation;
    private long _requestIds;
    private string? _pendingRequest;
    private TaskCompletionSource<ServerFrame>? _reply;
    private List<string> _hand = [];
    private int _handNumber = 1;
    private bool _trumpKnown;
    private string? _actedOn;
    private long _lastVersion;
    private (string Id, string Type, string Field, string Value)? _lastMove;
    private long _playSentAt;
    private int _ownPlays;
    private bool _closing;

    public string Name => name;

    public int Seat { get; private set; } = -1;

    public int OwnPlays => Volatile.Read(ref _ownPlays);

    /// <summary>Opens the socket (timed as connect time) and starts reading.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await socket.ConnectAsync(context.Settings.WebSocketUrl, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        context.Metrics.Connect.Record(Stopwatch.GetElapsedTime(started));
        context.Metrics.SocketOpened();
        int generation;
        lock (_lock)
        {
            _socket = socket;
            _actedOn = null;
            generation = ++_generation;
        }

        _receiving = ReceiveAsync(socket, generation, cancellationToken);
    }

    /// <summary>Sends a request and waits for its <c>room_joined</c> (or the error it caused).</summary>
    public async Task<ServerFrame> RequestAsync(string type, Action<Utf8JsonWriter>? fields, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<ServerFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = $"{name}-{Interlocked.Increment(ref _requestIds)}";
        lock (_lock)
        {
            _reply = reply;
            _pendingRequest = id;
        }

        await SendAsync(type, id, fields, cancellationToken);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(30), context.Time, cancellationToken);
    }

    /// <summary>Chaos: aborts the socket as a network failure would, then reconnects with the same token.</summary>
    public async Task DropAndReconnectAsync(CancellationToken cancellationToken)
    {
        ClientWebSocket? old;
        lock (_lock)
        {
            old = _socket;
            _socket = null;
            _generation++;
        }

        old?.Abort();
        old?.Dispose();
        context.Metrics.SocketClosed();
        await Task.Delay(TimeSpan.FromMilliseconds(50 + Random.Shared.Next(150)), context.Time, cancellationToken);
        await ConnectAsync(cancellationToken);
        context.Metrics.Reconnected();
    }

    public async ValueTask DisposeAsync()
    {
        ClientWebSocket? socket;
        lock (_lock)
        {
            _closing = true;
            socket = _socket;
            _socket = null;
            _generation++;
        }

        if (socket is not null)
        {
            socket.Abort();
            socket.Dispose();
            context.Metrics.SocketClosed();
        }

        if (_receiving is not null)
        {
            try
            {
                await _receiving.WaitAsync(TimeSpan.FromSeconds(5), context.Time);
            }
            catch (TimeoutException)
            {
                // The reader ends on its own once the aborted socket throws.
            }
        }

        _sendLock.Dispose();
    }

    private async Task ReceiveAsync(ClientWebSocket socket, int generation, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxFrame);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == MaxFrame)
                    {
                        context.Metrics.Error("client_frame_too_large");
                        return;
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length, MaxFrame - length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (IsCurrent(generation) && !table.IsOver)
                    {
                        context.Metrics.Error($"socket_closed_{(int?)socket.CloseStatus ?? 0}");
                    }

                    return;
                }

                ServerFrame? frame;
                try
                {
                    frame = JsonSerializer.Deserialize(buffer.AsSpan(0, length), LoadJsonContext.Default.ServerFrame);
                }
                catch (JsonException)
                {
                    context.Metrics.Error("client_bad_json");
                    continue;
                }

                if (frame is not null && IsCurrent(generation))
                {
                    Handle(frame, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (IsCurrent(generation) && !cancellationToken.IsCancellationRequested && !table.IsOver)
            {
                context.Metrics.Error("socket_failed");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool IsCurrent(int generation)
    {
        lock (_lock)
        {
            return !_closing && generation == _generation;
        }
    }

    private void Handle(ServerFrame frame, CancellationToken cancellationToken)
    {
        switch (frame.Type)
        {
            case "room_joined":
                lock (_lock)
                {
                    // A new room (or a reconnect, whose state follows): versions and hands start over.
                    Seat = frame.Seat ?? Seat;
                    _lastVersion = 0;
                    _handNumber = 1;
                    _trumpKnown = false;
                    _actedOn = null;
                }

                CompleteReply(frame, frame.ReplyTo);
                break;
            case "cards_dealt":
                lock (_lock)
                {
                    _hand = [.. frame.Cards ?? []];
                    _handNumber = frame.HandNumber ?? _handNumber;
                }

                break;
            case "trump_chosen":
                lock (_lock)
                {
                    _trumpKnown = true;
                }

                break;
            case "turn" when frame.Seat == Seat && Seat >= 0:
                bool chooseTrump;
                lock (_lock)
                {
                    chooseTrump = frame.Action == "choose_trump" || (frame.Action is null && frame.Legal is null && !_trumpKnown);
                }

                Act(chooseTrump, frame.Legal, cancellationToken);
                break;
            case "card_played":
                OnCardPlayed(frame, cancellationToken);
                break;
            case "hand_over":
                lock (_lock)
                {
                    _handNumber++;
                    _trumpKnown = false;
                }

                break;
            case "state":
                OnState(frame, cancellationToken);
                break;
            case "game_over":
                table.OnGameOver(frame.GameId);
                break;
            case "error":
                context.Metrics.Error(frame.Code ?? "unknown");
                CompleteReply(frame, frame.ReplyTo);
                RetryIfThrottled(frame, cancellationToken);
                break;
            default:
                break;
        }
    }

    private void OnCardPlayed(ServerFrame frame, CancellationToken cancellationToken)
    {
        if (frame.Seat is not { } seat || frame.Card is not { } card)
        {
            return;
        }

        int hand;
        long sentAt = 0;
        lock (_lock)
        {
            hand = _handNumber;
            _lastVersion = frame.Version ?? _lastVersion;
            if (seat == Seat)
            {
                _hand.Remove(card);
                sentAt = _playSentAt;
                _playSentAt = 0;
            }
        }

        if (frame.Version is { } version)
        {
            table.Observed.Add(version, new ObservedPlay(hand, seat, card));
        }

        if (seat != Seat)
        {
            return;
        }

        context.Metrics.Move();
        if (sentAt != 0)
        {
            context.Metrics.MoveRoundTrip.Record(Stopwatch.GetElapsedTime(sentAt));
        }

        var plays = Interlocked.Increment(ref _ownPlays);
        if (table.ShouldDrop(this, plays))
        {
            _ = ChaosAsync(cancellationToken);
        }
    }

    private async Task ChaosAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DropAndReconnectAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or HttpRequestException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                context.Metrics.Error("reconnect_failed");
            }
        }
        finally
        {
            table.DropDone();
        }
    }

    private void OnState(ServerFrame frame, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Seat = frame.Seat ?? Seat;
            _hand = [.. frame.Hand ?? []];
            _handNumber = frame.HandNumber ?? _handNumber;
            _trumpKnown = frame.Phase != "choosing_trump";
            _lastVersion = frame.Version ?? _lastVersion;
        }

        if (frame.Turn == Seat && Seat >= 0 && frame.Phase is "choosing_trump" or "playing")
        {
            Act(frame.Phase == "choosing_trump", frame.Legal, cancellationToken);
        }
    }

    /// <summary>A move refused with <c>rate_limited</c> or <c>unavailable</c> was not applied: send it again a little later.</summary>
    private void RetryIfThrottled(ServerFrame frame, CancellationToken cancellationToken)
    {
        (string Id, string Type, string Field, string Value) move;
        lock (_lock)
        {
            if (frame.Code is not ("rate_limited" or "unavailable") || _lastMove is not { } last || last.Id != frame.ReplyTo)
            {
                return;
            }

            move = last;
            _lastMove = null;
        }

        _ = ResendAsync(move, cancellationToken);
    }

    private async Task ResendAsync((string Id, string Type, string Field, string Value) move, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), context.Time, cancellationToken);
            var id = $"{name}-{Interlocked.Increment(ref _requestIds)}";
            lock (_lock)
            {
                // The round trip keeps counting from the first send: throttling is part of what the player waits.
                _lastMove = (id, move.Type, move.Field, move.Value);
            }

            await SendAsync(move.Type, id, w => w.WriteString(move.Field, move.Value), cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Gone with the socket; the state sent on reconnect asks again.
        }
    }

    private void CompleteReply(ServerFrame frame, string? replyTo)
    {
        TaskCompletionSource<ServerFrame>? reply = null;
        lock (_lock)
        {
            // room_joined may arrive without replyTo (e.g. on reconnect); it still answers a pending seat request.
            if (_reply is not null && (replyTo is null ? frame.Type == "room_joined" : replyTo == _pendingRequest))
            {
                reply = _reply;
                _reply = null;
                _pendingRequest = null;
            }
        }

        reply?.TrySetResult(frame);
    }

    private void Act(bool chooseTrump, IReadOnlyList<string>? legal, CancellationToken cancellationToken)
    {
        string type;
        string field;
        string value;
        lock (_lock)
        {
            // One answer per turn: a turn is identified by the hand, the last move seen and what is asked.
            var turnKey = string.Create(CultureInfo.InvariantCulture, $"{_handNumber}/{_lastVersion}/{chooseTrump}");
            if (_actedOn == turnKey)
            {
                return;
            }

            if (chooseTrump)
            {
                type = "choose_trump";
                field = "suit";
                value = MostHeldSuit(_hand);
            }
            else
            {
                var choices = legal is { Count: > 0 } ? legal : _hand;
                if (choices.Count == 0)
                {
                    return;
                }

                type = "play_card";
                field = "card";
                value = choices[Random.Shared.Next(choices.Count)];
            }

            _actedOn = turnKey;
        }

        _ = RespondAsync(type, field, value, cancellationToken);
    }

    private async Task RespondAsync(string type, string field, string value, CancellationToken cancellationToken)
    {
        try
        {
            if (context.Settings.Think > TimeSpan.Zero)
            {
                await Task.Delay(context.Settings.Think, context.Time, cancellationToken);
            }

            if (type == "play_card")
            {
                lock (_lock)
                {
                    _playSentAt = Stopwatch.GetTimestamp();
                }
            }

            var id = $"{name}-{Interlocked.Increment(ref _requestIds)}";
            lock (_lock)
            {
                _lastMove = (id, type, field, value);
            }

            await SendAsync(type, id, w => w.WriteString(field, value), cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The socket went away (chaos or the end of the run); the server's state on reconnect asks again.
            lock (_lock)
            {
                _actedOn = null;
            }
        }
    }

    /// <summary>The suit this hand holds most of (ties: the first in S, H, D, C order).</summary>
    internal static string MostHeldSuit(IReadOnlyList<string> hand)
    {
        var best = "S";
        var bestCount = -1;
        foreach (var suit in new[] { "S", "H", "D", "C" })
        {
            var count = hand.Count(c => c.EndsWith(suit, StringComparison.Ordinal));
            if (count > bestCount)
            {
                best = suit;
                bestCount = count;
            }
        }

        return best;
    }

    private async Task SendAsync(string type, string id, Action<Utf8JsonWriter>? fields, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("id", id);
            fields?.Invoke(writer);
            writer.WriteEndObject();
        }

        ClientWebSocket socket;
        lock (_lock)
        {
            socket = _socket ?? throw new InvalidOperationException("not connected");
        }

        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
