using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Hokm.Cli.Load;

/// <summary>
/// Four bot clients at one table: they sign in as guests, seat 0 creates a room, the others join
/// it by code, and they play games back to back until the run stops.
/// </summary>
internal sealed class GameTable(LoadContext context, int index, ConcurrentQueue<FinishedGame> finished)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _finishedIds = new(StringComparer.Ordinal);
    private TaskCompletionSource _allSawGameOver = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _gameOvers;
    private TaskCompletionSource<string> _gameOver = NewGameOver();
    private int _dropping;
    private readonly int[] _dropAfter = [-1, -1, -1, -1];

    public ObservedGame Observed { get; private set; } = new();

    public bool IsOver => _gameOver.Task.IsCompleted;

    public async Task RunAsync(CancellationToken stop)
    {
        var bots = new List<BotClient>();
        try
        {
            for (var seat = 0; seat < 4; seat++)
            {
                var name = $"load{index}-{seat}";
                var token = await GuestTokenAsync(name, stop);
                var bot = new BotClient(context, this, name, token);
                bots.Add(bot);
                await bot.ConnectAsync(stop);
            }

            while (!stop.IsCancellationRequested)
            {
                await PlayOneAsync(bots, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run's hard stop.
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or TimeoutException or JsonException or InvalidOperationException or OperationCanceledException)
        {
            context.Metrics.Error(ex switch
            {
                HttpRequestException => "guest_failed",
                WebSocketException => "connect_failed",
                TimeoutException => "table_timeout",
                _ => "table_failed",
            });
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }

    /// <summary>Called by each client that sees <c>game_over</c>; a late one of an earlier game is ignored.</summary>
    public void OnGameOver(string? gameId)
    {
        lock (_lock)
        {
            if (gameId is not null && _finishedIds.Contains(gameId))
            {
                return;
            }

            _gameOver.TrySetResult(gameId ?? string.Empty);
            if (++_gameOvers >= 4)
            {
                _allSawGameOver.TrySetResult();
            }
        }
    }

    /// <summary>Chaos: whether <paramref name="bot"/> should drop its socket now (at most one seat of the table at a time).</summary>
    public bool ShouldDrop(BotClient bot, int ownPlays)
    {
        lock (_lock)
        {
            if (bot.Seat is < 0 or > 3 || _dropAfter[bot.Seat] < 0 || ownPlays < _dropAfter[bot.Seat] || IsOver)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _dropping, 1, 0) != 0)
            {
                return false;
            }

            _dropAfter[bot.Seat] = -1;
            return true;
        }
    }

    public void DropDone() => Volatile.Write(ref _dropping, 0);

    private static TaskCompletionSource<string> NewGameOver() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task PlayOneAsync(List<BotClient> bots, CancellationToken stop)
    {
        lock (_lock)
        {
            Observed = new ObservedGame();
            _gameOver = NewGameOver();
            _allSawGameOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _gameOvers = 0;
            // Each socket is dropped once in this game with probability P, after a few of its own plays.
            for (var seat = 0; seat < 4; seat++)
            {
                _dropAfter[seat] = Random.Shared.NextDouble() < context.Settings.Chaos ? bots[seat].OwnPlays + 1 + Random.Shared.Next(8) : -1;
            }
        }

        var created = await SeatAsync(bots[0], "create_room", w => w.WriteNumber("targetScore", context.Settings.TargetScore), stop);
        var room = created.Room ?? throw new InvalidOperationException("room_joined without a room code");
        for (var seat = 1; seat < 4; seat++)
        {
            await SeatAsync(bots[seat], "join_room", w => w.WriteString("room", room), stop);
        }

        context.Metrics.GameStarted();
        var gameId = await _gameOver.Task.WaitAsync(stop);
        var observed = Observed;
        context.Metrics.GameFinished();
        if (gameId.Length == 0)
        {
            context.Metrics.Error("game_over_without_id");
            return;
        }

        finished.Enqueue(new FinishedGame(gameId, observed.Plays(), observed.Conflicts));
        Task allSaw;
        lock (_lock)
        {
            _finishedIds.Add(gameId);
            allSaw = _allSawGameOver.Task;
        }

        // Every client reads its game_over before the next game starts (a reconnected one may never get it).
        try
        {
            await allSaw.WaitAsync(TimeSpan.FromSeconds(3), context.Time, stop);
        }
        catch (TimeoutException)
        {
            // Go on: the server released the seats when it announced the game's end.
        }
    }

    /// <summary>Sends a seat request; retries briefly while the server still holds the seat of the last game.</summary>
    private async Task<ServerFrame> SeatAsync(BotClient bot, string type, Action<Utf8JsonWriter> fields, CancellationToken stop)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = await bot.RequestAsync(type, fields, stop);
            if (reply.Type == "room_joined")
            {
                return reply;
            }

            if (reply.Code is not ("already_seated" or "unavailable") || attempt >= 20)
            {
                throw new InvalidOperationException($"{bot.Name}: {type} failed with {reply.Code}: {reply.Message}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), context.Time, stop);
        }
    }

    private async Task<string> GuestTokenAsync(string name, CancellationToken stop)
    {
        using var response = await context.Http.PostAsJsonAsync(new Uri("api/auth/guest", UriKind.Relative), new GuestRequestBody(name), LoadJsonContext.Default.GuestRequestBody, stop);
        if (!response.IsSuccessStatusCode)
        {
            context.Metrics.Error($"guest_http_{(int)response.StatusCode}");
            throw new HttpRequestException($"guest sign-in returned {(int)response.StatusCode}");
        }

        var guest = await response.Content.ReadFromJsonAsync(LoadJsonContext.Default.GuestResponse, stop);
        return guest?.Token ?? throw new HttpRequestException("guest sign-in returned no token");
    }
}
