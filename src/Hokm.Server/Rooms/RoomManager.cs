using System.Collections.Concurrent;
using Hokm.Data.Errors;
using Hokm.Data.Live;
using Hokm.Server.Cluster;
using Hokm.Server.Connections;
using Hokm.Server.Protocol;
using StackExchange.Redis;

namespace Hokm.Server.Rooms;

/// <summary>
/// The rooms held on this node. A room not in memory is loaded from the live store on first use
/// (a join, or a player's reconnection) and resumes its timers — rooms are resumed lazily, not at
/// start-up. Quick match offers the oldest waiting public room held here, else (several nodes) the
/// oldest open room of any node, else a new public room. With <c>Hokm:Cluster:Enabled</c> a room is
/// owned through its lease: a room whose lease another node holds is held here as a relay to that
/// owner (docs/scaling.md).
/// </summary>
internal sealed class RoomManager(RoomContext context, OpenRoomIndex openRooms)
{
    private const int CodeAttempts = 16;
    private const int QuickMatchCandidates = 8;

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
            RoomLease? lease = null;
            if (Clustered)
            {
                try
                {
                    lease = (await context.Leases.AcquireAsync(code, context.Node.Id, context.Cluster.LeaseTime)).Lease;
                }
                catch (Exception ex) when (ex is HybridDataException or RedisException or TimeoutException)
                {
                    return RoomOutcome.Error(ErrorCodes.Unavailable, "The room could not be created right now.");
                }

                if (lease is null)
                {
                    continue;
                }
            }

            var host = new RoomHost(this, context, code, document: null, version: 0);
            var entry = new Lazy<Task<RoomHost?>>(Task.FromResult<RoomHost?>(host));
            if (!_rooms.TryAdd(code, entry))
            {
                await ReleaseAsync(lease);
                continue;
            }

            if (lease is null)
            {
                host.Start();
            }
            else
            {
                try
                {
                    await host.StartOwnedAsync(lease);
                }
                catch (Exception ex) when (ex is HybridDataException or RedisException or TimeoutException)
                {
                    _rooms.TryRemove(new KeyValuePair<string, Lazy<Task<RoomHost?>>>(code, entry));
                    await ReleaseAsync(lease);
                    return RoomOutcome.Error(ErrorCodes.Unavailable, "The room could not be created right now.");
                }
            }

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

        if (Clustered)
        {
            // Open rooms of every node, oldest first (this node's own were tried above).
            foreach (var code in await openRooms.OldestAsync(QuickMatchCandidates))
            {
                if (candidates.Any(c => c.Code == code))
                {
                    continue;
                }

                var outcome = await JoinAsync(connection, code, replyTo);
                if (outcome.Succeeded || outcome.ErrorCode is ErrorCodes.AlreadySeated)
                {
                    return outcome;
                }

                if (outcome.ErrorCode is ErrorCodes.RoomNotFound or ErrorCodes.RoomFull)
                {
                    openRooms.Set(code, open: false, default);
                }
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
                if (Clustered)
                {
                    openRooms.Set(host.Code, open: true, host.CreatedAt);
                }
            }
            else if (!waiting && index >= 0)
            {
                _waiting.RemoveAt(index);
                if (Clustered)
                {
                    openRooms.Set(host.Code, open: false, host.CreatedAt);
                }
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

    /// <summary>
    /// Several nodes: the owner of the room's lease lost it (fenced commit, failed renewal). The room
    /// here becomes a relay to whoever holds the lease now.
    /// </summary>
    public async Task<RoomHost> ReplaceWithRelayAsync(RoomHost dropped)
    {
        var holder = await context.Leases.GetHolderAsync(dropped.Code);
        var relay = await RoomHost.CreateRelayAsync(this, context, dropped.Code, holder is null ? "none" : new LeaseAcquisition(null, holder).HolderNode);
        _rooms[dropped.Code] = new Lazy<Task<RoomHost?>>(Task.FromResult<RoomHost?>(relay));
        return relay;
    }

    /// <summary>
    /// Several nodes: nobody holds the lease of a room relayed here (its owner died or paused past
    /// the lease). Takes the lease, resumes the room from the store and attaches this node's players.
    /// </summary>
    public async Task TakeOverAsync(RoomHost relay)
    {
        if (Stopping)
        {
            return;
        }

        var code = relay.Code;
        var lease = (await context.Leases.AcquireAsync(code, context.Node.Id, context.Cluster.LeaseTime)).Lease;
        if (lease is null)
        {
            return; // Another node was faster: its announcement reattaches our players.
        }

        ClusterLog.TakingOver(context.Logger, code, context.Node.Id);
        var loaded = await ReadAsync(code);
        if (loaded is not { } found)
        {
            await ReleaseAsync(lease);
            await relay.CloseRelayAsync();
            return;
        }

        var host = new RoomHost(this, context, code, found.Document, found.Version);
        var entry = new Lazy<Task<RoomHost?>>(Task.FromResult<RoomHost?>(host));
        _rooms[code] = entry;
        await StartOrForgetAsync(host, entry, lease);
        context.Diagnostics.TookOver();
        relay.HandOverTo(host);
        await relay.CloseRelayAsync();

        // After the hand-over: a socket registering with the relay from now on is passed to the new room by the relay itself.
        var players = relay.RelayedPlayers();
        foreach (var player in players)
        {
            await host.AttachAsync(player);
        }
    }

    /// <summary>True when this node holds the room (as owner or relay, or loading it).</summary>
    public bool Holds(string code) => _rooms.ContainsKey(code);

    /// <summary>
    /// Several nodes, the orphan sweep: takes over a room whose lease nobody holds and resumes it here
    /// (timers, bots, completion). False when another node was faster, or there is nothing to resume.
    /// </summary>
    public async Task<bool> AdoptAsync(string code)
    {
        if (Stopping || _rooms.ContainsKey(code))
        {
            return false;
        }

        var lease = (await context.Leases.AcquireAsync(code, context.Node.Id, context.Cluster.LeaseTime)).Lease;
        if (lease is null)
        {
            return false;
        }

        var loaded = await ReadAsync(code);
        if (loaded is not { } found)
        {
            await ReleaseAsync(lease);
            return false;
        }

        var host = new RoomHost(this, context, code, found.Document, found.Version);
        var entry = new Lazy<Task<RoomHost?>>(Task.FromResult<RoomHost?>(host));
        if (!_rooms.TryAdd(code, entry))
        {
            await ReleaseAsync(lease);
            return false;
        }

        ClusterLog.TakingOver(context.Logger, code, context.Node.Id);
        await StartOrForgetAsync(host, entry, lease);
        context.Diagnostics.TookOver();
        return true;
    }

    private bool Clustered => context.Cluster.Enabled;

    /// <summary>Starts a room taken over; if that fails, the room is forgotten here and its lease given back.</summary>
    private async Task StartOrForgetAsync(RoomHost host, Lazy<Task<RoomHost?>> entry, RoomLease lease)
    {
        try
        {
            await host.StartOwnedAsync(lease);
        }
        catch
        {
            _rooms.TryRemove(new KeyValuePair<string, Lazy<Task<RoomHost?>>>(host.Code, entry));
            await ReleaseAsync(lease);
            throw;
        }
    }

    private async Task<RoomHost?> LoadAsync(string code)
    {
        if (Stopping)
        {
            return null;
        }

        if (!Clustered)
        {
            if (await ReadAsync(code) is not { } state)
            {
                return null;
            }

            var host = new RoomHost(this, context, code, state.Document, state.Version);
            host.Start();
            return host;
        }

        // The lease first, then the state: an owner reads what the previous owner last committed.
        var acquisition = await context.Leases.AcquireAsync(code, context.Node.Id, context.Cluster.LeaseTime);
        var loaded = await ReadAsync(code);
        if (loaded is not { } found)
        {
            await ReleaseAsync(acquisition.Lease);
            return null;
        }

        if (acquisition.Lease is not { } lease)
        {
            return await RoomHost.CreateRelayAsync(this, context, code, acquisition.HolderNode);
        }

        var owned = new RoomHost(this, context, code, found.Document, found.Version);
        try
        {
            await owned.StartOwnedAsync(lease);
        }
        catch
        {
            await ReleaseAsync(lease);
            throw;
        }

        return owned;
    }

    /// <summary>The room's stored document if it can still be played (not finished, readable).</summary>
    private async Task<(RoomDocument Document, long Version)?> ReadAsync(string code)
    {
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

        return document.Status == RoomStatus.Finished ? null : (document, state.Version);
    }

    private async Task ReleaseAsync(RoomLease? lease)
    {
        if (lease is null)
        {
            return;
        }

        try
        {
            await context.Leases.ReleaseAsync(lease);
        }
        catch (Exception ex) when (ex is HybridDataException or RedisException or TimeoutException)
        {
            // It expires on its own.
            RoomLog.SideEffectFailed(context.Logger, lease.Room, "lease release", ex);
        }
    }
}
