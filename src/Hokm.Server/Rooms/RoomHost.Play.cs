using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;
using Hokm.Game.Bots;
using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Rules;
using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

internal sealed partial class RoomHost
{
    private static readonly IHokmBot Bot = HeuristicBot.Instance;

    private async Task HandleCommandAsync(CommandWork work)
    {
        var (connection, command, receivedAt) = work;
        if (SeatOf(connection.PlayerId) is not { } seat)
        {
            connection.Bind(null);
            if (command is SyncCommand)
            {
                connection.Send(RoomViews.Unseated(command.Id));
            }
            else
            {
                connection.SendError(ErrorCodes.NotSeated, "You do not hold a seat.", command.Id);
            }

            return;
        }

        switch (command)
        {
            case SyncCommand:
                connection.Send(StateFor(seat, command.Id));
                break;
            case AddBotCommand:
                await AddBotAsync(connection, seat, command.Id);
                break;
            case ChooseTrumpCommand choose:
                await PlayerMoveAsync(connection, seat, command.Id, receivedAt, game => game.ChooseTrump(seat, choose.Suit));
                break;
            case PlayCardCommand play:
                await PlayerMoveAsync(connection, seat, command.Id, receivedAt, game => game.PlayCard(seat, play.Card));
                break;
            default:
                connection.SendError(ErrorCodes.UnknownType, "A room does not take this message.", command.Id);
                break;
        }
    }

    private async Task PlayerMoveAsync(SeatPeer connection, int seat, string? replyTo, long receivedAt, Func<HokmGame, CommandResult> move)
    {
        if (_game is not { } game || _document!.Status != RoomStatus.Playing)
        {
            var why = _document!.Status == RoomStatus.Waiting ? "The game has not started." : "The game is over.";
            connection.SendError(ErrorCodes.WrongPhase, why, replyTo);
            return;
        }

        var result = move(game);
        if (result.Rejection is { } rejection)
        {
            connection.SendError(rejection.WireCode, rejection.Message, replyTo);
            return;
        }

        if (!await ApplyGameStepAsync(result.Events, automatic: false, seat, replyTo, receivedAt))
        {
            connection.SendError(ErrorCodes.Unavailable, "Your move could not be stored right now; nothing was applied. Try again.", replyTo);
        }
    }

    /// <summary>The action timer: the server acts for the seat to move, deals the next hand, or retries the completion.</summary>
    private async Task OnActionDueAsync(long generation)
    {
        if (generation != _actionGeneration || _document is null)
        {
            return;
        }

        if (_document.Status == RoomStatus.Completing)
        {
            await CompleteGameAsync();
            return;
        }

        if (_document.Status != RoomStatus.Playing || _game is not { } game)
        {
            return;
        }

        var started = _time.GetTimestamp();
        CommandResult result;
        bool automatic;
        switch (game.Phase)
        {
            case GamePhase.ChoosingTrump when _document.Seats[game.Hakem]!.Bot:
                result = game.Apply(BotDriver.ChooseMove(game, Bot)!);
                automatic = false;
                break;
            case GamePhase.ChoosingTrump:
                // A Hakem who timed out (or dropped) gets the rule's choice, flagged auto in the record.
                result = game.ChooseTrumpAutomatically();
                automatic = true;
                break;
            case GamePhase.Playing:
                automatic = !_document.Seats[game.Turn!.Value]!.Bot;
                result = game.Apply(BotDriver.ChooseMove(game, Bot)!);
                break;
            case GamePhase.HandOver:
                result = game.StartNextHand();
                automatic = true;
                break;
            default:
                return;
        }

        if (!result.IsAccepted)
        {
            throw new InvalidOperationException($"The engine refused the server's own move: {result.Rejection}.");
        }

        if (!await ApplyGameStepAsync(result.Events, automatic, actorSeat: -1, replyTo: null, started))
        {
            _deadline = _time.GetUtcNow() + _options.StoreRetryDelay;
            ArmActionTimer();
        }
    }

    /// <summary>
    /// Commits what the engine just did (the game is already changed in memory): the snapshot, the
    /// moves with their game-level sequence numbers, finished hands, the next deadline. On success
    /// each player gets their own view of the events; on failure the game is put back as committed.
    /// </summary>
    private async Task<bool> ApplyGameStepAsync(IReadOnlyList<GameEvent> events, bool automatic, int actorSeat, string? replyTo, long startedAt)
    {
        var document = _document!;
        var game = _game!;
        var now = _time.GetUtcNow();
        var gameId = document.GameId!;
        var outbox = new List<OutboxEvent>(events.Count);
        var seq = document.MoveSeq;
        List<CompletedHand>? hands = null;
        string kind = "deal";
        foreach (var e in events)
        {
            switch (e)
            {
                case TrumpChosen t:
                    kind = "trump";
                    outbox.Add(OutboxEvents.Move(new MoveRecorded(gameId, ++seq, t.HandNumber, 0, t.Seat, MoveKind.Trump, t.Auto, now, Suit: t.Suit.ToWireName())));
                    break;
                case CardPlayed c:
                    kind = "play";
                    outbox.Add(OutboxEvents.Move(new MoveRecorded(gameId, ++seq, c.HandNumber, c.TrickNumber, c.Seat, MoveKind.Play, automatic, now, Card: c.Card.ToString())));
                    break;
                case HandOver h:
                    var hand = new CompletedHand(h.HandNumber, game.Hakem, game.Trump!.Value, game.TrumpAuto, h.Tricks.A, h.Tricks.B, h.Team, h.Points, h.Kot);
                    (hands ??= [.. document.Hands]).Add(hand);
                    outbox.Add(OutboxEvents.HandCompleted(HandCompletedOf(gameId, hand)));
                    break;
                default:
                    break;
            }
        }

        var status = game.Phase == GamePhase.GameOver ? RoomStatus.Completing : RoomStatus.Playing;
        var next = document with
        {
            Status = status,
            Game = game.ToSnapshot(),
            MoveSeq = seq,
            Hands = hands ?? document.Hands,
        };
        next = next with { Deadline = status == RoomStatus.Playing ? NextDeadline(next, game, now) : null };
        if (await CommitAsync(next, outbox) != CommitOutcome.Committed)
        {
            _game = RestoreGame(_document);
            return false;
        }

        _deadline = _document!.Deadline;
        Fanout(events, automatic, actorSeat, replyTo);
        if (kind != "deal")
        {
            _context.Diagnostics.MoveCommitted(kind, automatic, _time.GetElapsedTime(startedAt));
        }
        ArmActionTimer();
        if (events.Count > 0 && events[0] is HakemChosen { HandNumber: > 1 })
        {
            await RefreshSeatIndexAsync();
        }

        if (status == RoomStatus.Completing)
        {
            await CompleteGameAsync();
        }

        return true;
    }

    /// <summary>When the server acts next: the seat to move (a bot's think time, or the turn limit), or the next deal.</summary>
    private DateTimeOffset? NextDeadline(RoomDocument document, HokmGame game, DateTimeOffset now) => game.Phase switch
    {
        GamePhase.ChoosingTrump or GamePhase.Playing => now + (IsAutomated(document, game.Turn!.Value) ? _options.BotDelay : _options.TurnTimeout),
        GamePhase.HandOver => now + _options.HandPause,
        _ => null,
    };

    private bool IsAutomated(RoomDocument document, int seat) => document.Seats[seat]!.Bot || _seats[seat].BotControlled;

    private bool IsTurnOf(int seat) =>
        _document?.Status == RoomStatus.Playing && _game is { Phase: GamePhase.ChoosingTrump or GamePhase.Playing } game && game.Turn == seat;

    /// <summary>The seat to move changed hands (bot took over, player came back): a new deadline, announced.</summary>
    private void RescheduleTurn()
    {
        _deadline = NextDeadline(_document!, _game!, _time.GetUtcNow());
        ArmActionTimer();
        SendTurn();
    }

    private void ArmActionTimer()
    {
        _actionGeneration++;
        _actionTimer?.Dispose();
        _actionTimer = null;
        if (_deadline is not { } at || _closed)
        {
            return;
        }

        var due = at - _time.GetUtcNow();
        var generation = _actionGeneration;
        _actionTimer = _time.CreateTimer(
            _ => _mailbox.Writer.TryWrite(new ActionDue(generation)),
            null,
            due < TimeSpan.Zero ? TimeSpan.Zero : due,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>A new hand: the reconnection index of each human seat is refreshed (it expires like the room).</summary>
    private async Task RefreshSeatIndexAsync()
    {
        var seats = _document!.Seats;
        for (var s = 0; s < Seats.Count; s++)
        {
            if (seats[s] is { Bot: false, PlayerId: { } playerId } seat)
            {
                try
                {
                    await _context.Data.AddPlayerToGameAsync(Code, new RoomPlayer(playerId, s, seat.Name, Bot: false));
                }
                catch (Exception ex) when (ex is Hokm.Data.Errors.HybridDataException or ArgumentException)
                {
                    RoomLog.SideEffectFailed(_logger, Code, "seat index", ex);
                }
            }
        }
    }

    private static HandCompleted HandCompletedOf(string gameId, CompletedHand hand) => new(
        gameId,
        hand.Number,
        hand.Hakem,
        hand.Trump.ToWireName(),
        hand.TrumpAuto,
        hand.TricksA,
        hand.TricksB,
        hand.Winner == Team.A ? TeamSide.A : TeamSide.B,
        hand.Points,
        hand.Kot switch
        {
            Kot.Kot => KotKind.Kot,
            Kot.HakemKot => KotKind.HakemKot,
            _ => KotKind.None,
        });
}
