using System.Globalization;
using System.Text;
using System.Text.Json;
using Hokm.Data.Configuration;
using Hokm.Data.Diagnostics;
using Hokm.Data.Errors;
using Hokm.Data.Redis;
using Hokm.Data.Serialization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using static Hokm.Data.Redis.RedisCalls;

namespace Hokm.Data.Live;

/// <summary>The live tier on Redis or Garnet: versioned room state with a durable outbox.</summary>
internal sealed partial class RedisLiveStore(
    IRedisConnection connection,
    IOptions<HybridDataOptions> options,
    TimeProvider time,
    HybridDataMetrics metrics) : ILiveRoomStore, IOutboxConsumer
{
    private const long ActivityResolutionMilliseconds = 5_000;
    private static readonly RedisValue[] RoomFields = ["v", "doc", "seq", "at"];

    private readonly HybridDataOptions _options = options.Value;
    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);

    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken = default) =>
        CommitAsync(room, expectedVersion, document, events, lease: null, cancellationToken);

    /// <summary>The commit, checking the caller's room lease when one is given (see <see cref="IRoomLeaseStore"/>).</summary>
    internal async Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, IReadOnlyList<OutboxEvent> events, RoomLease? lease, CancellationToken cancellationToken = default)
    {
        room = RedisKeys.NormalizeRoom(room);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(events);
        ValidateDocument(document);
        if (events.Count > _options.MaxEventsPerCommit)
        {
            throw new PayloadTooLargeException($"A commit may append at most {_options.MaxEventsPerCommit} events; {events.Count} were given.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var nowText = now.ToString(CultureInfo.InvariantCulture);
        var args = new RedisValue[5 + events.Count];
        args[0] = expectedVersion;
        args[1] = document;
        args[2] = (long)_options.DefaultTtl.TotalMilliseconds;
        args[3] = now;
        args[4] = lease is null ? RedisValue.EmptyString : lease.Value;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException("An event is null.", nameof(events));
            ValidateEvent(e);
            args[5 + i] = string.Concat(nowText, "|", e.Type, "|", e.Payload);
        }

        var db = await connection.GetDatabaseAsync(cancellationToken);
        var started = time.GetTimestamp();
        RedisResult raw;
        try
        {
            raw = await db.ScriptEvaluateAsync(Scripts.Commit, [_keys.Room(room), _keys.Outbox(room), LeaseKey(room)], args).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            metrics.CommitFailed();
            throw new StoreUnavailableException("redis", $"Redis did not take the commit of room {room}: {ex.Message}", ex);
        }

        var (result, outboxLength, previousCommit) = ParseCommit(room, raw);
        metrics.CommitCompleted(result.Status, events.Count, time.GetElapsedTime(started));
        if (result.Committed)
        {
            UpdateIndexes(db, room, events.Count, outboxLength, previousCommit, now);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<RoomState?> GetAsync(string room, CancellationToken cancellationToken = default)
    {
        room = RedisKeys.NormalizeRoom(room);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var values = await Guard(room, () => db.HashGetAsync(_keys.Room(room), RoomFields));
        if (values[0].IsNull && values[1].IsNull)
        {
            return null;
        }

        if (!long.TryParse(values[0].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || values[1].IsNull
            || !long.TryParse(values[2].IsNull ? "0" : values[2].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || !long.TryParse(values[3].IsNull ? "0" : values[3].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var at))
        {
            throw new CorruptedDataException($"The live state of room {room} is not in the shape this library writes.");
        }

        return new RoomState(room, version, values[1].ToString(), seq, DateTimeOffset.FromUnixTimeMilliseconds(at));
    }

    /// <summary>
    /// Brings Redis up to a state committed in the persistent store: written only when Redis holds
    /// an older version (or none). Returns true when Redis was behind and now holds <paramref name="state"/>.
    /// </summary>
    internal async Task<bool> RestoreAsync(RoomState state, CancellationToken cancellationToken = default)
    {
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var result = await Guard(state.Room, () => db.ScriptEvaluateAsync(
            Scripts.Restore,
            [_keys.Room(state.Room)],
            [state.Version, state.Document, state.LastSequence, state.UpdatedAt.ToUnixTimeMilliseconds(), (long)_options.DefaultTtl.TotalMilliseconds]));
        return (int)result switch
        {
            1 => true,
            0 => false,
            _ => throw new CorruptedDataException($"The live state of room {state.Room} is not in the shape this library writes; it was not restored."),
        };
    }

    /// <summary>
    /// Appends events to a stateless stream's outbox (the sync-task queues), in one script; the
    /// stream enters the pending index when its outbox becomes non-empty.
    /// </summary>
    internal async Task<long> AppendAsync(string stream, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken = default)
    {
        stream = RedisKeys.NormalizeRoom(stream);
        Validate(string.Empty, events);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var args = new RedisValue[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            args[i] = string.Concat(now, "|", events[i].Type, "|", events[i].Payload);
        }

        var db = await connection.GetDatabaseAsync(cancellationToken);
        var raw = await Guard(stream, () => db.ScriptEvaluateAsync(Scripts.Append, [_keys.Room(stream), _keys.Outbox(stream)], args));
        var parts = (RedisResult[])raw!;
        if ((long)parts[0] < 0)
        {
            throw new CorruptedDataException($"Stream {stream} cannot take events: {(string?)parts[1]}. Nothing was written.");
        }

        if ((long)parts[1] == events.Count)
        {
            _ = db.SetAddAsync(_keys.OutboxPending, stream, CommandFlags.FireAndForget);
        }

        return (long)parts[0];
    }

    /// <summary>Drops the room's cached live state (not its outbox), so reads go to the persistent store.</summary>
    internal async Task InvalidateAsync(string room, CancellationToken cancellationToken = default)
    {
        var db = await connection.GetDatabaseAsync(cancellationToken);
        await Guard(room, () => db.KeyDeleteAsync(_keys.Room(room)));
    }

    /// <summary>Checks a commit's arguments the same way whichever store takes it.</summary>
    internal void Validate(string document, IReadOnlyList<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(events);
        ValidateDocument(document);
        if (events.Count > _options.MaxEventsPerCommit)
        {
            throw new PayloadTooLargeException($"A commit may append at most {_options.MaxEventsPerCommit} events; {events.Count} were given.");
        }

        foreach (var e in events)
        {
            ValidateEvent(e ?? throw new ArgumentException("An event is null.", nameof(events)));
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string room, CancellationToken cancellationToken = default)
    {
        room = RedisKeys.NormalizeRoom(room);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        await Guard(room, () => db.KeyDeleteAsync([_keys.Room(room), _keys.Players(room)]));
        await Guard(room, () => db.SortedSetRemoveAsync(_keys.ActiveRooms, room));
    }

    /// <inheritdoc />
    public async Task AddPlayerAsync(string room, RoomPlayer player, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(player);
        room = RedisKeys.NormalizeRoom(room);
        var playerId = RedisKeys.NormalizeId(player.PlayerId, "player id");
        ArgumentOutOfRangeException.ThrowIfNegative(player.Seat);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(player.Seat, 3);
        if (string.IsNullOrWhiteSpace(player.Name) || player.Name.Length > 64)
        {
            throw new ArgumentException("A player's name must have 1–64 characters.", nameof(player));
        }

        var db = await connection.GetDatabaseAsync(cancellationToken);
        var seat = JsonSerializer.Serialize(new PlayerSeat(room, player.Seat), DataJsonContext.Default.PlayerSeat);
        var entry = JsonSerializer.Serialize(player with { PlayerId = playerId }, DataJsonContext.Default.RoomPlayer);
        var ttl = _options.DefaultTtl;
        await Guard(room, () => Task.WhenAll(
            db.HashSetAsync(_keys.Players(room), playerId, entry),
            db.KeyExpireAsync(_keys.Players(room), ttl),
            player.Bot ? Task.CompletedTask : db.StringSetAsync(_keys.PlayerRoom(playerId), seat, ttl)));
    }

    /// <inheritdoc />
    public async Task RemovePlayerAsync(string room, string playerId, CancellationToken cancellationToken = default)
    {
        room = RedisKeys.NormalizeRoom(room);
        playerId = RedisKeys.NormalizeId(playerId, "player id");
        var db = await connection.GetDatabaseAsync(cancellationToken);
        await Guard(room, () => Task.WhenAll(
            db.HashDeleteAsync(_keys.Players(room), playerId),
            db.KeyDeleteAsync(_keys.PlayerRoom(playerId))));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RoomPlayer>> GetPlayersAsync(string room, CancellationToken cancellationToken = default)
    {
        room = RedisKeys.NormalizeRoom(room);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var entries = await Guard(room, () => db.HashValuesAsync(_keys.Players(room)));
        var players = new List<RoomPlayer>(entries.Length);
        foreach (var entry in entries)
        {
            players.Add(Deserialize(entry, DataJsonContext.Default.RoomPlayer, room));
        }

        players.Sort(static (a, b) => a.Seat.CompareTo(b.Seat));
        return players;
    }

    /// <inheritdoc />
    public async Task<PlayerSeat?> GetPlayerSeatAsync(string playerId, CancellationToken cancellationToken = default)
    {
        playerId = RedisKeys.NormalizeId(playerId, "player id");
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var value = await Guard(playerId, () => db.StringGetAsync(_keys.PlayerRoom(playerId)));
        return value.IsNull ? null : Deserialize(value, DataJsonContext.Default.PlayerSeat, playerId);
    }

    /// <inheritdoc />
    public async Task<ActiveGamesStats> GetActiveGamesStatsAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var db = await connection.GetDatabaseAsync(cancellationToken);
        var since = (time.GetUtcNow() - window).ToUnixTimeMilliseconds();
        var active = db.SortedSetLengthAsync(_keys.ActiveRooms, since, double.PositiveInfinity);
        var pending = db.SetLengthAsync(_keys.OutboxPending);
        await Guard("stats", () => Task.WhenAll(active, pending));
        return new ActiveGamesStats(await active, await pending, window);
    }

    private void ValidateDocument(string document)
    {
        // Cheap upper bound first: a UTF-8 char is at most 3 bytes per UTF-16 unit.
        if (document.Length * 3 > _options.MaxStateBytes && Encoding.UTF8.GetByteCount(document) > _options.MaxStateBytes)
        {
            throw new PayloadTooLargeException($"The state document is {Encoding.UTF8.GetByteCount(document)} bytes; at most {_options.MaxStateBytes} are allowed.");
        }
    }

    private void ValidateEvent(OutboxEvent e)
    {
        if (string.IsNullOrEmpty(e.Type) || e.Type.Length > 64 || e.Type.AsSpan().ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_."))
        {
            throw new ArgumentException($"Event type '{e.Type}' is not 1–64 of a-z, 0-9, '_' and '.'.", nameof(e));
        }

        ArgumentNullException.ThrowIfNull(e.Payload);
        if (e.Payload.Length * 3 > _options.MaxEventBytes && Encoding.UTF8.GetByteCount(e.Payload) > _options.MaxEventBytes)
        {
            throw new PayloadTooLargeException($"An event of type {e.Type} is {Encoding.UTF8.GetByteCount(e.Payload)} bytes; at most {_options.MaxEventBytes} are allowed.");
        }
    }

    /// <summary>
    /// The indexes live in other hash slots, so they cannot be part of the script. They are sent
    /// fire-and-forget after it (no added latency) and only when they change: the pending-outbox
    /// hint when this commit made the outbox non-empty, the activity score at most every few
    /// seconds per room. Both are hints: the worker's keyspace sweep finds any outbox whose hint
    /// was lost, and a hint is never removed while its outbox holds entries (see AcknowledgeAsync).
    /// </summary>
    private void UpdateIndexes(IDatabase db, string room, int events, long outboxLength, long previousCommit, long now)
    {
        if (events > 0 && outboxLength == events)
        {
            _ = db.SetAddAsync(_keys.OutboxPending, room, CommandFlags.FireAndForget);
        }

        if (now - previousCommit >= ActivityResolutionMilliseconds)
        {
            _ = db.SortedSetAddAsync(_keys.ActiveRooms, room, now, CommandFlags.FireAndForget);
        }
    }

    private static (CommitResult Result, long OutboxLength, long PreviousCommit) ParseCommit(string room, RedisResult raw)
    {
        var parts = (RedisResult[]?)raw ?? throw new CorruptedDataException($"The commit script of room {room} returned nothing.");
        return (int)parts[0] switch
        {
            1 => (new CommitResult(CommitStatus.Committed, (long)parts[1], (long)parts[2]), (long)parts[3], (long)parts[4]),
            0 => (new CommitResult(CommitStatus.VersionConflict, (long)parts[1], 0), 0, 0),
            -1 => (new CommitResult(CommitStatus.NotFound, 0, 0), 0, 0),
            -4 => (new CommitResult(CommitStatus.Fenced, 0, 0), 0, 0),
            _ => throw new CorruptedDataException($"Room {room} cannot be committed: {(string?)parts[1]}. Nothing was written."),
        };
    }

    private static T Deserialize<T>(RedisValue value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string owner)
    {
        try
        {
            return JsonSerializer.Deserialize((string)value!, type)
                ?? throw new CorruptedDataException($"Stored {typeof(T).Name} of {owner} is null.");
        }
        catch (JsonException ex)
        {
            throw new CorruptedDataException($"Stored {typeof(T).Name} of {owner} is not valid JSON: {ex.Message}");
        }
    }
}
