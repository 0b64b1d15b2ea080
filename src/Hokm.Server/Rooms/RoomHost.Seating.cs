using Hokm.Data.Errors;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;
using Hokm.Game.Events;
using Hokm.Game.Rules;
using Hokm.Game.Shuffling;
using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

internal sealed partial class RoomHost
{
    private async Task CreateAsync(CreateWork work)
    {
        var (connection, command, done) = work;
        var now = _time.GetUtcNow();
        var seats = new SeatRecord?[Seats.Count];
        seats[0] = new SeatRecord(connection.PlayerId, connection.Name, Bot: false);
        for (var s = 1; s <= command.Bots; s++)
        {
            seats[s] = SeatRecord.BotFor(s);
        }

        var document = new RoomDocument
        {
            Room = Code,
            Public = command.Public,
            TargetScore = command.TargetScore,
            CreatedAt = CreatedAt,
            Status = RoomStatus.Waiting,
            Seats = seats,
        };
        var (next, events, started) = StartIfFull(document, now);
        var outcome = await CommitAsync(next, events);
        if (outcome != CommitOutcome.Committed)
        {
            _game = null;
            done.TrySetResult(outcome == CommitOutcome.CodeTaken ? RoomOutcome.CodeTaken : Unavailable("The room could not be created"));
            return;
        }

        RoomLog.Created(_logger, Code, connection.PlayerId, command.Bots, command.TargetScore, command.Public);
        _manager.SetWaiting(this, started is null && command.Public);
        await TakeSeatAsync(connection, 0, command.Id, started is null ? null : document);
        AfterSeatsChanged(started);
        done.TrySetResult(RoomOutcome.Ok);
    }

    private async Task JoinAsync(JoinWork work)
    {
        var (connection, replyTo, done) = work;
        var document = _document!;
        if (SeatOf(connection.PlayerId) is { } existing && document.Status is RoomStatus.Waiting or RoomStatus.Playing)
        {
            // Already seated here (say, from another socket): the same answer as a reconnection.
            await TakeSeatAsync(connection, existing, replyTo, null);
            done.TrySetResult(RoomOutcome.Ok);
            return;
        }

        var free = FreeSeat(document);
        if (document.Status is RoomStatus.Completing or RoomStatus.Finished)
        {
            done.TrySetResult(RoomOutcome.Error(ErrorCodes.RoomNotFound, $"The game in room {Code} is over."));
            return;
        }

        if (document.Status != RoomStatus.Waiting || free is null)
        {
            done.TrySetResult(RoomOutcome.Error(ErrorCodes.RoomFull, $"Room {Code} has no free seat."));
            return;
        }

        var now = _time.GetUtcNow();
        var seats = document.Seats.ToArray();
        seats[free.Value] = new SeatRecord(connection.PlayerId, connection.Name, Bot: false);
        var seated = document with { Seats = seats };
        var (next, events, started) = StartIfFull(seated, now);
        if (await CommitAsync(next, events) != CommitOutcome.Committed)
        {
            _game = RestoreGame(_document);
            done.TrySetResult(Unavailable("You could not join"));
            return;
        }

        _manager.SetWaiting(this, started is null && document.Public);
        await TakeSeatAsync(connection, free.Value, replyTo, started is null ? null : seated);
        SendToAll(new PlayerJoinedMessage(free.Value, connection.Name, false, connection.PlayerId), except: free.Value);
        AfterSeatsChanged(started);
        done.TrySetResult(RoomOutcome.Ok);
    }

    private Task Attach(AttachWork work)
    {
        var connection = work.Connection;
        if (_document is not { Status: RoomStatus.Waiting or RoomStatus.Playing or RoomStatus.Completing } || SeatOf(connection.PlayerId) is not { } seat)
        {
            work.Done.TrySetResult(false);
            return Task.CompletedTask;
        }

        var runtime = _seats[seat];
        runtime.Connection = connection;
        connection.Bind(this);
        connection.Send(RoomJoinedFor(seat, null));
        connection.Send(StateFor(seat, null));
        if (runtime.Disconnected)
        {
            var wasAutomated = runtime.BotControlled;
            runtime.Disconnected = false;
            runtime.BotControlled = false;
            runtime.CancelGrace();
            SendToAll(new PlayerReconnectedMessage(seat), except: seat);
            if (wasAutomated && IsTurnOf(seat))
            {
                // Back in time for their own move: they get a full turn again.
                RescheduleTurn();
            }
        }

        work.Done.TrySetResult(true);
        return Task.CompletedTask;
    }

    private Task HandleDetach(SeatPeer connection)
    {
        var seat = Array.FindIndex(_seats, s => s.Connection?.Matches(connection) == true);
        if (seat < 0)
        {
            return Task.CompletedTask;
        }

        var runtime = _seats[seat];
        runtime.Connection = null;
        if (_document is { Status: RoomStatus.Waiting or RoomStatus.Playing })
        {
            runtime.Disconnected = true;
            SendToAll(new PlayerDisconnectedMessage(seat), except: seat);
            ArmGrace(seat, _options.DisconnectGrace);
        }

        return Task.CompletedTask;
    }

    private async Task LeaveAsync(LeaveWork work)
    {
        var (connection, replyTo, done) = work;
        var document = _document!;
        if (SeatOf(connection.PlayerId) is not { } seat)
        {
            connection.Bind(null);
            done.TrySetResult(RoomOutcome.Error(ErrorCodes.NotSeated, "You do not hold a seat in this room."));
            return;
        }

        var leaving = document.Seats[seat]!;
        var left = new PlayerLeftMessage(seat, leaving.Name, false, leaving.PlayerId);
        switch (document.Status)
        {
            case RoomStatus.Waiting:
                if (!await FreeSeatAsync(seat, connection, replyTo))
                {
                    done.TrySetResult(Unavailable("You could not leave"));
                    return;
                }

                break;
            case RoomStatus.Playing:
                var seats = document.Seats.ToArray();
                seats[seat] = SeatRecord.BotFor(seat);
                if (await CommitAsync(document with { Seats = seats }, []) != CommitOutcome.Committed)
                {
                    done.TrySetResult(Unavailable("You could not leave"));
                    return;
                }

                _seats[seat].Reset();
                connection.Bind(null);
                connection.Send(left with { ReplyTo = replyTo });
                SendToAll(left, except: seat);
                SendToAll(new PlayerJoinedMessage(seat, seats[seat]!.Name, true, null), except: seat);
                RoomLog.SeatAutomated(_logger, Code, seat, "the player left");
                await ForgetPlayerAsync(leaving.PlayerId!);
                if (IsTurnOf(seat))
                {
                    RescheduleTurn();
                }

                break;
            default:
                // The game is over (or being written): the seat stays in the record; only the socket lets go.
                _seats[seat].Reset();
                connection.Bind(null);
                connection.Send(left with { ReplyTo = replyTo });
                await ForgetPlayerAsync(leaving.PlayerId!);
                break;
        }

        done.TrySetResult(RoomOutcome.Ok);
    }

    private async Task AddBotAsync(SeatPeer connection, int seat, string? replyTo)
    {
        var document = _document!;
        if (document.Status != RoomStatus.Waiting || FreeSeat(document) is not { } free)
        {
            connection.SendError(ErrorCodes.WrongPhase, "Bots can be added only while the room waits for players.", replyTo);
            return;
        }

        var now = _time.GetUtcNow();
        var seats = document.Seats.ToArray();
        seats[free] = SeatRecord.BotFor(free);
        var (next, events, started) = StartIfFull(document with { Seats = seats }, now);
        if (await CommitAsync(next, events) != CommitOutcome.Committed)
        {
            _game = RestoreGame(_document);
            connection.SendError(ErrorCodes.Unavailable, "The bot could not be added right now; nothing was applied.", replyTo);
            return;
        }

        var joined = new PlayerJoinedMessage(free, seats[free]!.Name, true, null);
        SendToAll(joined, except: seat);
        _seats[seat].Connection?.Send(joined with { ReplyTo = replyTo });
        AfterSeatsChanged(started);
    }

    /// <summary>Before the game: the seat is freed (player_left); a room without humans closes.</summary>
    private async Task<bool> FreeSeatAsync(int seat, SeatPeer? leaver, string? replyTo)
    {
        var document = _document!;
        var leaving = document.Seats[seat]!;
        var seats = document.Seats.ToArray();
        seats[seat] = null;
        var left = new PlayerLeftMessage(seat, leaving.Name, leaving.Bot, leaving.PlayerId);
        if (!seats.Any(static s => s is { Bot: false }))
        {
            // The last human left: nobody can come back to this room.
            _seats[seat].Reset();
            if (leaver is not null)
            {
                leaver.Bind(null);
                leaver.Send(left with { ReplyTo = replyTo });
            }

            await ForgetPlayerAsync(leaving.PlayerId!);
            Close(deleteFromStore: true);
            return true;
        }

        if (await CommitAsync(document with { Seats = seats }, []) != CommitOutcome.Committed)
        {
            return false;
        }

        if (_seats[seat].Connection is { } attached)
        {
            attached.Bind(null);
        }

        _seats[seat].Reset();
        if (leaver is not null)
        {
            leaver.Bind(null);
            leaver.Send(left with { ReplyTo = replyTo });
        }

        SendToAll(left, except: seat);
        await ForgetPlayerAsync(leaving.PlayerId!);
        _manager.SetWaiting(this, document.Public);
        return true;
    }

    private async Task OnGraceDueAsync(int seat, long generation)
    {
        var runtime = _seats[seat];
        if (generation != runtime.GraceGeneration || !runtime.Disconnected || _document is null)
        {
            return;
        }

        switch (_document.Status)
        {
            case RoomStatus.Waiting when _document.Seats[seat] is { Bot: false }:
                if (!await FreeSeatAsync(seat, null, null))
                {
                    ArmGrace(seat, _options.StoreRetryDelay);
                }

                break;
            case RoomStatus.Playing:
                runtime.BotControlled = true;
                RoomLog.SeatAutomated(_logger, Code, seat, "disconnect grace over");
                if (IsTurnOf(seat))
                {
                    RescheduleTurn();
                }

                break;
            default:
                break;
        }
    }

    private Task Resume()
    {
        var document = _document!;
        _game = RestoreGame(document);
        for (var s = 0; s < Seats.Count; s++)
        {
            if (document.Seats[s] is { Bot: false })
            {
                // Nobody is connected to a room that was just loaded: each player gets a fresh grace.
                _seats[s].Disconnected = true;
                ArmGrace(s, _options.DisconnectGrace);
            }
        }

        RoomLog.Resumed(_logger, Code, _version, document.Status.ToString());
        switch (document.Status)
        {
            case RoomStatus.Waiting:
                _manager.SetWaiting(this, document.Public);
                break;
            case RoomStatus.Playing:
                _deadline = document.Deadline ?? NextDeadline(document, _game!, _time.GetUtcNow());
                ArmActionTimer();
                break;
            case RoomStatus.Completing:
                _deadline = _time.GetUtcNow();
                ArmActionTimer();
                break;
            default:
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// When the seats are full, starts the game in the same commit: seed, game id, the engine's
    /// first events, and the <c>game_started</c> outbox event.
    /// </summary>
    private (RoomDocument Next, IReadOnlyList<OutboxEvent> Events, IReadOnlyList<GameEvent>? Started) StartIfFull(RoomDocument document, DateTimeOffset now)
    {
        if (FreeSeat(document) is not null)
        {
            return (document, [], null);
        }

        var seed = _context.Seeds.NextSeed();
        var (game, events) = HokmGame.Create(seed, new GameOptions { TargetScore = document.TargetScore });
        _game = game;
        var started = document with
        {
            Status = RoomStatus.Playing,
            GameId = _context.Identifiers.NewGameId(now),
            StartedAt = now,
            StartSeats = [.. document.Seats.Select(static s => s!)],
            Game = game.ToSnapshot(),
            MoveSeq = 0,
            Hands = [],
        };
        started = started with { Deadline = NextDeadline(started, game, now) };
        return (started, [OutboxEvents.GameStarted(GameStartedOf(started))], events);
    }

    /// <summary>After a committed seating change: the game's first events, or the quick-match list.</summary>
    private void AfterSeatsChanged(IReadOnlyList<GameEvent>? started)
    {
        var document = _document!;
        if (started is null)
        {
            _manager.SetWaiting(this, document.Public);
            return;
        }

        _manager.SetWaiting(this, false);
        RoomLog.GameStarted(_logger, Code, document.GameId!);
        _deadline = document.Deadline;
        Fanout(started, automatic: false, actorSeat: -1, replyTo: null);
        ArmActionTimer();
    }

    /// <summary>
    /// Attaches the player's socket to the seat and sends <c>room_joined</c> and <c>state</c>. When this
    /// seating also started the game, the state shown is the full table just before the start
    /// (<paramref name="beforeStart"/>): the game's first events follow, as for everyone else.
    /// </summary>
    private async Task TakeSeatAsync(SeatPeer connection, int seat, string? replyTo, RoomDocument? beforeStart)
    {
        var runtime = _seats[seat];
        runtime.Connection = connection;
        runtime.Disconnected = false;
        runtime.BotControlled = false;
        runtime.CancelGrace();
        connection.Bind(this);
        connection.Send(RoomJoinedFor(seat, replyTo));
        connection.Send(beforeStart is null
            ? StateFor(seat, null)
            : RoomViews.State(beforeStart with { Version = _version }, null, seat, IsConnected, null, null));
        try
        {
            await _context.Data.AddPlayerToGameAsync(Code, new RoomPlayer(connection.PlayerId, seat, connection.Name, Bot: false));
        }
        catch (Exception ex) when (ex is HybridDataException or ArgumentException)
        {
            // The seat is in the committed document; only the reconnection index missed it.
            RoomLog.SideEffectFailed(_logger, Code, "seat index", ex);
        }
    }

    private async Task ForgetPlayerAsync(string playerId)
    {
        try
        {
            await _context.Data.Rooms.RemovePlayerAsync(Code, playerId);
        }
        catch (Exception ex) when (ex is HybridDataException or ArgumentException)
        {
            RoomLog.SideEffectFailed(_logger, Code, "seat index removal", ex);
        }
    }

    private void ArmGrace(int seat, TimeSpan delay)
    {
        var runtime = _seats[seat];
        runtime.CancelGrace();
        var generation = runtime.GraceGeneration;
        runtime.GraceTimer = _time.CreateTimer(
            _ => _mailbox.Writer.TryWrite(new GraceDue(seat, generation)),
            null,
            delay,
            Timeout.InfiniteTimeSpan);
    }

    private int? SeatOf(string playerId)
    {
        var seats = _document?.Seats;
        for (var s = 0; seats is not null && s < Seats.Count; s++)
        {
            if (seats[s]?.IsPlayer(playerId) == true)
            {
                return s;
            }
        }

        return null;
    }

    private static int? FreeSeat(RoomDocument document)
    {
        for (var s = 0; s < Seats.Count; s++)
        {
            if (document.Seats[s] is null)
            {
                return s;
            }
        }

        return null;
    }

    private GameStarted GameStartedOf(RoomDocument document) => new(
        document.GameId!,
        Code,
        document.StartedAt!.Value,
        document.TargetScore,
        HokmShuffle.SeedHash(document.Game!.Seed),
        [.. document.StartSeats!.Select(static (s, i) => new SeatAssignment(i, s.Name, s.Bot, s.Bot ? null : s.PlayerId))]);

    private static RoomOutcome Unavailable(string what) =>
        RoomOutcome.Error(ErrorCodes.Unavailable, $"{what}: the server cannot store it right now; nothing was applied.");
}
