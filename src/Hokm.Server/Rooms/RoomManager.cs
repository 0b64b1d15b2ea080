using System.Collections.Concurrent;
using Hokm.Server.Connections;
using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

/// <summary>
/// The rooms held on this node. A room not in memory is loaded from the live store on first use
/// (a join, or a player's reconnection) and resumes its timers — rooms are resumed lazily, not at
/// start-up. Quick match offers the oldest waiting public room held here, else a new public room.
/// </summary>
internal sealed class RoomManager(RoomContext context)
{
    private const int CodeAttempts = 16;

    private readonly ConcurrentDictionary<string, Lazy<Task<RoomHost?>>> _rooms = new(StringComparer.Ordinal);
    private readonly List<RoomHost> _waiting = [];
    private readonly Lock _waitingGate = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>True once the server is shutting down: rooms take no more moves.</summary>
    public bool Stopping => _stopping.IsCancellationRequested;

    /// <summary>Cancelled when the server starts shutting down (cuts retry waits short).</summary>
    public CancellationToken StoppingToken => _stopping.Token;

    /// <summary>Creates a room with the player in seat 0.</summary>
    public async Task<RoomOutcome> CreateAsync(PlayerConnection connection, CreateRoomCommand command)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = context.Identifiers.NewRoomCode();
            var host = new RoomHost(this, context, code, document: null, version: 0);
            var entry = new Lazy<Task<RoomHost?>>(Task.FromResult<RoomHost?>(host));
            if (!_rooms.TryAdd(code, entry))
            {
                continue;
            }

            host.Start();
            var outcome = await host.CreateAsync(connection, command);
            if (outcome.Succeeded)
            {
                return outcome;
            }

            await host.StopAsync();
            Remove(host);
            if (!outcome.IsCodeTaken)
            {
                return outcome.IsGone ? RoomOutcome.Error(ErrorCodes.Unavailable, "The room could not be created right now.") : outcome;
            }
        }

        return RoomOutcome.Error(ErrorCodes.Unavailable, "No free room code was found; try again.");
    }

    /// <summary>Seats the player in the room with that code.</summary>
    public async Task<RoomOutcome> JoinAsync(PlayerConnection connection, string code, string? replyTo)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            RoomHost? host;
            try
            {
                host = await GetOrLoadAsync(code);
            }
            catch (Exception ex) when (ex is Hokm.Data.Errors.HybridDataException or TimeoutException)
            {
                return RoomOutcome.Error(ErrorCodes.Unavailable, "The room cannot be looked up right now.");
            }

            if (host is null)
            {
                return RoomOutcome.Error(ErrorCodes.RoomNotFound, $"There is no room {code}.");
            }

            var outcome = await host.JoinAsync(connection, replyTo);
            if (!outcome.IsGone)
            {
                return outcome;
            }
        }

        return RoomOutcome.Error(ErrorCodes.RoomNotFound, $"There is no room {code}.");
    }

    /// <summary>Seats the player in the oldest waiting public room, or in a new public room.</summary>
    public async Task<RoomOutcome> QuickMatchAsync(PlayerConnection connection, string? replyTo)
    {
        RoomHost[] candidates;
        lock (_waitingGate)
        {
            candidates = [.. _waiting];
        }

        foreach (var candidate in candidates)
        {
            var outcome = await candidate.JoinAsync(connection, replyTo);
            if (outcome.Succeeded || outcome.ErrorCode is ErrorCodes.Unavailable or ErrorCodes.AlreadySeated)
            {
                return outcome;
            }
        }

        return await CreateAsync(connection, new CreateRoomCommand(replyTo, 0, ClientMessageParser.DefaultTargetScore, Public: true));
    }

    /// <summary>
    /// Reattaches a new socket to the seat its player holds (looked up in the live store, which works
    /// after a restart or on another node): the room sends <c>room_joined</c> and <c>state</c>.
    /// </summary>
    /// <returns>False when the player holds no seat in an unfinished game.</returns>
    public async Task<bool> ReattachAsync(PlayerConnection connection)
    {
        var seat = await context.Data.Rooms.GetPlayerSeatAsync(connection.PlayerId);
        if (seat is null || !RoomCodes.TryNormalize(seat.Room, out var code))
        {
            return false;
        }

        var host = await GetOrLoadAsync(code);
        return host is not null && await host.AttachAsync(connection);
    }

    /// <summary>The room in memory, else loaded from the live store; null when there is none (or its game is finished).</summary>
    public async Task<RoomHost?> GetOrLoadAsync(string code)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var entry = _rooms.GetOrAdd(code, static (c, self) => new Lazy<Task<RoomHost?>>(() => self.LoadAsync(c)), this);
            RoomHost? host;
            try
            {
                host = await entry.Value;
            }
            catch
            {
                _rooms.TryRemove(new KeyValuePair<string, Lazy<Task<RoomHost?>>>(code, entry));
                throw;
            }

            if (host is null || host.IsClosed)
            {
                _rooms.TryRemove(new KeyValuePair<string, Lazy<Task<RoomHost?>>>(code, entry));
                if (host is null)
                {
                    return null;
                }

                continue;
            }

            return host;
        }

        return null;
    }

    /// <summary>Adds or removes a room from the quick-match list (called by the room's loop).</summary>
    public void SetWaiting(RoomHost host, bool waiting)
    {
        lock (_waitingGate)
        {
            var index = _waiting.IndexOf(host);
            if (waiting && index < 0)
            {
                var at = _waiting.FindIndex(r => r.CreatedAt > host.CreatedAt);
                _waiting.Insert(at < 0 ? _waiting.Count : at, host);
            }
            else if (!waiting && index >= 0)
            {
                _waiting.RemoveAt(index);
            }
        }
    }

    /// <summary>
    /// The room an entry holds if it has finished loading, else null. Never waits: a load still
    /// in progress is not a room yet.
    /// </summary>
    private static RoomHost? Loaded(Lazy<Task<RoomHost?>> entry) =>
        entry.IsValueCreated && entry.Value.IsCompletedSuccessfully ? entry.Value.GetAwaiter().GetResult() : null;

    /// <summary>Forgets a room that closed or was unloaded.</summary>
    public void Remove(RoomHost host)
    {
        SetWaiting(host, false);
        if (_rooms.TryGetValue(host.Code, out var entry)
            && ReferenceEquals(Loaded(entry), host))
        {
            _rooms.TryRemove(new KeyValuePair<string, Lazy<Task<RoomHost?>>>(host.Code, entry));
        }
    }

    /// <summary>Graceful shutdown: no more moves; every room finishes what it is doing (bounded).</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        var hosts = _rooms.Values
            .Select(Loaded)
            .OfType<RoomHost>()
            .ToArray();
        try
        {
            await Task.WhenAll(hosts.Select(static h => h.StopAsync())).WaitAsync(context.Options.ShutdownTimeout, context.Time);
        }
        catch (TimeoutException)
        {
            // A room stuck on a store call: its state is whatever was last committed.
        }
    }

    private async Task<RoomHost?> LoadAsync(string code)
    {
        if (Stopping)
        {
            return null;
        }

        var state = await context.Data.GetGameSessionAsync(code);
        if (state is null)
        {
            return null;
        }

        RoomDocument document;
        try
        {
            document = RoomDocument.FromJson(state.Document);
        }
        catch (System.Text.Json.JsonException ex)
        {
            RoomLog.DocumentUnreadable(context.Logger, code, ex);
            return null;
        }

        if (document.Status == RoomStatus.Finished)
        {
            return null;
        }

        var host = new RoomHost(this, context, code, document, state.Version);
        host.Start();
        return host;
    }
}
