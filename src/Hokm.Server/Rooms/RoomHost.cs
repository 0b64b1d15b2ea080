using System.Threading.Channels;
using Hokm.Data.Errors;
using Hokm.Data.Live;
using Hokm.Game.Rules;
using Hokm.Server.Connections;
using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

/// <summary>
/// One room, with one writer: every request (from sockets, timers, the manager) is a message in a
/// <see cref="Channel{T}"/> mailbox processed by a single loop, so the room's state needs no locks.
/// Each change is committed through the data layer (state document + outbox events, one atomic step)
/// before anything is sent; a commit that fails changes nothing and the actor gets <c>unavailable</c>.
/// </summary>
/// <remarks>
/// Partial files: seating (<c>RoomHost.Seating.cs</c>), the game and its timers
/// (<c>RoomHost.Play.cs</c>), completion (<c>RoomHost.Completion.cs</c>), sending (<c>RoomHost.Fanout.cs</c>).
/// </remarks>
internal sealed partial class RoomHost
{
    private readonly RoomManager _manager;
    private readonly RoomContext _context;
    private readonly RoomOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Work> _mailbox = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SeatRuntime[] _seats = [new(), new(), new(), new()];
    private RoomDocument? _document;
    private long _version;
    private HokmGame? _game;
    private DateTimeOffset? _deadline;
    private ITimer? _actionTimer;
    private long _actionGeneration;
    private ITimer? _unloadTimer;
    private Task _loop = Task.CompletedTask;
    private volatile bool _finished;
    private volatile bool _closed;

    public RoomHost(RoomManager manager, RoomContext context, string code, RoomDocument? document, long version)
    {
        _manager = manager;
        _context = context;
        _options = context.Options;
        _time = context.Time;
        _logger = context.Logger;
        Code = code;

        // The document carries the version it was written at; the store's version is the truth (another writer may have re-committed it).
        _document = document is null ? null : document with { Version = version };
        _version = version;
        CreatedAt = document?.CreatedAt ?? context.Time.GetUtcNow();
        if (document is not null)
        {
            // A room loaded from the store resumes (game, timers, grace) before anything else it is asked.
            _mailbox.Writer.TryWrite(new ResumeWork());
        }
    }

    /// <summary>The room code.</summary>
    public string Code { get; }

    /// <summary>When the room was created (quick match prefers the oldest).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>True once the game is written through and announced.</summary>
    public bool IsFinished => Successor?.IsFinished ?? (_relay?.Finished ?? _finished);

    /// <summary>True once the room stopped taking requests (closed or unloaded).</summary>
    public bool IsClosed => _closed;

    /// <summary>Starts the room's loop.</summary>
    public void Start()
    {
        _context.Diagnostics.RoomActive(1);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Creates the room (first commit) with the player in seat 0.</summary>
    public Task<RoomOutcome> CreateAsync(PlayerConnection connection, CreateRoomCommand command) =>
        RequestAsync<RoomOutcome>(done => new CreateWork(LocalPeer.Of(connection), command, done), RoomOutcome.Gone);

    /// <summary>Seats the player.</summary>
    public Task<RoomOutcome> JoinAsync(PlayerConnection connection, string? replyTo) =>
        Successor is { } next ? next.JoinAsync(connection, replyTo)
        : _relay is not null ? RelayJoinAsync(connection, replyTo)
        : RequestAsync<RoomOutcome>(done => new JoinWork(LocalPeer.Of(connection), replyTo, done), RoomOutcome.Gone);

    /// <summary>Reattaches a player's new socket to their seat (sends <c>room_joined</c> and <c>state</c>).</summary>
    public Task<bool> AttachAsync(PlayerConnection connection) =>
        Successor is { } next ? next.AttachAsync(connection)
        : _relay is not null ? RelayAttachAsync(connection)
        : RequestAsync<bool>(done => new AttachWork(LocalPeer.Of(connection), done), false);

    /// <summary>The player leaves (during a game a bot takes the seat).</summary>
    public Task<RoomOutcome> LeaveAsync(PlayerConnection connection, string? replyTo) =>
        Successor is { } next ? next.LeaveAsync(connection, replyTo)
        : _relay is not null ? RelayLeaveAsync(connection, replyTo)
        : RequestAsync<RoomOutcome>(done => new LeaveWork(LocalPeer.Of(connection), replyTo, done), RoomOutcome.Gone);

    /// <summary>Queues a command the room answers on its own (moves, <c>add_bot</c>, <c>sync</c>); false when the room is gone.</summary>
    public bool Post(PlayerConnection connection, ClientCommand command, long receivedAt) =>
        Successor is { } next ? next.Post(connection, command, receivedAt)
        : _relay is not null ? RelayPost(connection, command)
        : !_closed && _mailbox.Writer.TryWrite(new CommandWork(LocalPeer.Of(connection), command, receivedAt));

    /// <summary>The player's socket ended.</summary>
    public void Detach(PlayerConnection connection)
    {
        if (Successor is { } next)
        {
            next.Detach(connection);
        }
        else if (_relay is not null)
        {
            RelayDetach(connection);
        }
        else
        {
            _mailbox.Writer.TryWrite(new DetachWork(LocalPeer.Of(connection)));
        }
    }

    /// <summary>Stops taking requests, lets the current one finish, and ends the loop.</summary>
    public async Task StopAsync()
    {
        _mailbox.Writer.TryComplete();
        await _loop;
        if (_relay is not null)
        {
            await CloseRelayAsync();
        }
    }

    private async Task<T> RequestAsync<T>(Func<TaskCompletionSource<T>, Work> create, T whenGone)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        return !_closed && _mailbox.Writer.TryWrite(create(done)) ? await done.Task : whenGone;
    }

    private async Task RunAsync()
    {
        await foreach (var work in _mailbox.Reader.ReadAllAsync())
        {
            try
            {
                if (_closed && Successor is { } successor)
                {
                    Redirect(work, successor);
                }
                else if (_closed)
                {
                    Refuse(work, gone: !_dropped);
                }
                else if (_manager.Stopping)
                {
                    Refuse(work, gone: false);
                }
                else if (LeaseOverdue && !await ConfirmLeaseAsync())
                {
                    // Paused or cut off past the lease: another node may own the room; nothing is answered from this copy.
                    await LoseOwnershipAsync("the lease ran out");
                    if (Successor is { } next)
                    {
                        Redirect(work, next);
                    }
                    else
                    {
                        Refuse(work, gone: false);
                    }
                }
                else
                {
                    await HandleAsync(work);
                }
            }
            catch (Exception ex)
            {
                RoomLog.WorkFailed(_logger, Code, work.GetType().Name, ex);
                Refuse(work, gone: false);
            }
        }

        DisposeTimers();
        await LeaveClusterAsync();
        _context.Diagnostics.RoomActive(-1);
    }

    private Task HandleAsync(Work work) => work switch
    {
        CreateWork w => CreateAsync(w),
        JoinWork w => JoinAsync(w),
        AttachWork w => Attach(w),
        DetachWork w => HandleDetach(w.Connection),
        LeaveWork w => LeaveAsync(w),
        CommandWork w => HandleCommandAsync(w),
        ActionDue w => OnActionDueAsync(w.Generation),
        GraceDue w => OnGraceDueAsync(w.Seat, w.Generation),
        ResumeWork => Resume(),
        UnloadWork => Unload(),
        LeaseLostWork => LoseOwnershipAsync("the lease could not be renewed"),
        _ => throw new InvalidOperationException($"Unknown work {work.GetType().Name}."),
    };

    /// <summary>Answers a request the room cannot serve: it is gone (look again) or unavailable (shutting down, or failed).</summary>
    private void Refuse(Work work, bool gone)
    {
        var refusal = gone ? RoomOutcome.Gone : RoomOutcome.Error(ErrorCodes.Unavailable, "The room cannot take this right now; nothing was applied.");
        switch (work)
        {
            case CreateWork w:
                w.Done.TrySetResult(refusal);
                break;
            case JoinWork w:
                w.Done.TrySetResult(refusal);
                break;
            case LeaveWork w:
                w.Done.TrySetResult(refusal);
                break;
            case AttachWork w:
                w.Done.TrySetResult(false);
                break;
            case CommandWork w when gone:
                w.Connection.Bind(null);
                if (w.Command is SyncCommand)
                {
                    w.Connection.Send(RoomViews.Unseated(w.Command.Id));
                }
                else
                {
                    w.Connection.SendError(ErrorCodes.NotSeated, "You do not hold a seat.", w.Command.Id);
                }

                break;
            case CommandWork w:
                w.Connection.SendError(ErrorCodes.Unavailable, refusal.Message!, w.Command.Id);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Commits <paramref name="next"/> and <paramref name="events"/> at the room's current version.
    /// On success the document becomes the room's state; on a version conflict the room reloads
    /// itself from the store; otherwise nothing changed.
    /// </summary>
    private async Task<CommitOutcome> CommitAsync(RoomDocument next, IReadOnlyList<OutboxEvent> events)
    {
        next = next with { Version = _version + 1 };
        CommitResult result;
        try
        {
            result = _lease is null
                ? await _context.Data.ExecutePlayerMoveAsync(Code, _version, next.ToJson(), events)
                : await _context.Leases.CommitAsync(Code, _version, next.ToJson(), events, _lease);
        }
        catch (HybridDataException ex)
        {
            RoomLog.CommitFailed(_logger, Code, ex.Code, ex);
            return CommitOutcome.Failed;
        }

        switch (result.Status)
        {
            case CommitStatus.Committed:
                _document = next with { Version = result.Version };
                _version = result.Version;
                return CommitOutcome.Committed;
            case CommitStatus.Fenced:
                _context.Diagnostics.OwnershipLost("fenced");
                await LoseOwnershipAsync("a commit was fenced: another node holds the lease");
                return CommitOutcome.Failed;
            case CommitStatus.VersionConflict when _version == 0:
                return CommitOutcome.CodeTaken;
            case CommitStatus.VersionConflict:
                RoomLog.VersionConflict(_logger, Code, _version, result.Version);
                await ReloadAsync();
                return CommitOutcome.Failed;
            default:
                RoomLog.CommitFailed(_logger, Code, "the room is no longer in the store", null);
                return CommitOutcome.Failed;
        }
    }

    /// <summary>After a version conflict: the store is the truth; take its state and redraw every table.</summary>
    private async Task ReloadAsync()
    {
        RoomState? state;
        RoomDocument document;
        try
        {
            state = await _context.Data.GetGameSessionAsync(Code);
            if (state is null)
            {
                return;
            }

            document = RoomDocument.FromJson(state.Document);
        }
        catch (Exception ex) when (ex is HybridDataException or System.Text.Json.JsonException)
        {
            RoomLog.SideEffectFailed(_logger, Code, "reload", ex);
            return;
        }

        _document = document with { Version = state.Version };
        _version = state.Version;
        _game = RestoreGame(document);
        for (var s = 0; s < Seats.Count; s++)
        {
            if (_seats[s].Connection is { } connection && document.Seats[s]?.IsPlayer(connection.PlayerId) != true)
            {
                connection.Bind(null);
                _seats[s].Reset();
            }
        }

        _deadline = document.Deadline;
        ArmActionTimer();
        foreach (var (seat, connection) in AttachedConnections())
        {
            connection.Send(StateFor(seat, null));
        }
    }

    private static HokmGame? RestoreGame(RoomDocument? document) =>
        document?.Game is { } snapshot ? HokmGame.Restore(snapshot) : null;

    /// <summary>Stops taking requests and forgets the room (its mailbox drains as "gone").</summary>
    private void Close(bool deleteFromStore)
    {
        _closed = true;
        _mailbox.Writer.TryComplete();
        DisposeTimers();
        _manager.Remove(this);
        RoomLog.Closed(_logger, Code);
        if (deleteFromStore)
        {
            _ = DeleteFromStoreAsync();
        }
    }

    private async Task DeleteFromStoreAsync()
    {
        try
        {
            await _context.Data.Rooms.DeleteAsync(Code);
        }
        catch (HybridDataException ex)
        {
            // The room's TTL removes it anyway.
            RoomLog.SideEffectFailed(_logger, Code, "delete", ex);
        }
    }

    private Task Unload()
    {
        Close(deleteFromStore: true);
        return Task.CompletedTask;
    }

    private void DisposeTimers()
    {
        _actionGeneration++;
        _actionTimer?.Dispose();
        _actionTimer = null;
        _unloadTimer?.Dispose();
        _unloadTimer = null;
        foreach (var seat in _seats)
        {
            seat.CancelGrace();
        }
    }

    private enum CommitOutcome
    {
        Committed,
        Failed,
        CodeTaken,
    }
}
