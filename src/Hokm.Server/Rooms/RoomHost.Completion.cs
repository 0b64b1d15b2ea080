using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Hokm.Game.Rules;
using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

internal sealed partial class RoomHost
{
    /// <summary>
    /// Write-through end of the game: the game, its hands and the players' statistics are stored
    /// (<see cref="IGameStore.CompleteGameAsync"/>, retried with backoff) before <c>game_over</c> is
    /// sent. A round that fails tells the players <c>unavailable</c> and is retried later — the room
    /// stays "completing" (also across a restart) until it succeeds; never a silent half-done.
    /// </summary>
    private async Task CompleteGameAsync()
    {
        var document = _document!;
        var game = _game!;
        var completion = CompletionOf(document, game, _time.GetUtcNow());
        var delay = _options.CompletionBackoff;
        var stored = false;
        for (var attempt = 1; attempt <= _options.CompletionAttempts && !stored; attempt++)
        {
            try
            {
                // False means it was already stored (a retry after a crash): done either way.
                await _context.Games.CompleteGameAsync(completion, _manager.StoppingToken);
                stored = true;
            }
            catch (OperationCanceledException) when (_manager.Stopping)
            {
                return;
            }
            catch (Exception ex)
            {
                RoomLog.CompletionFailed(_logger, Code, document.GameId!, attempt, ex);
                if (attempt < _options.CompletionAttempts)
                {
                    try
                    {
                        await Task.Delay(delay, _time, _manager.StoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    delay *= 2;
                }
            }
        }

        if (!stored)
        {
            SendToAll(new ErrorMessage(ErrorCodes.Unavailable, "The game's result cannot be stored right now; the server keeps trying."));
            _deadline = _time.GetUtcNow() + _options.CompletionRetryInterval;
            ArmActionTimer();
            return;
        }

        var finished = document with { Status = RoomStatus.Finished, Deadline = null };
        if (await CommitAsync(finished, []) != CommitOutcome.Committed)
        {
            // The persistent store holds the result, which is what counts; the live copy merely expires.
            _document = finished with { Version = _version };
        }

        _finished = true;
        _deadline = null;
        ArmActionTimer();
        var score = game.Score;
        var winner = game.Winner!.Value;
        SendToAll(new GameOverMessage(winner, score, document.GameId!));
        AnnounceFinished();
        _context.Diagnostics.GameCompleted();
        RoomLog.GameFinished(_logger, Code, document.GameId!, winner.ToString(), score.A, score.B);
        foreach (var seat in document.Seats)
        {
            if (seat is { Bot: false, PlayerId: { } playerId })
            {
                await ForgetPlayerAsync(playerId);
            }
        }

        _unloadTimer = _time.CreateTimer(_ => _mailbox.Writer.TryWrite(new UnloadWork()), null, _options.FinishedRoomLinger, Timeout.InfiniteTimeSpan);
    }

    private GameCompletion CompletionOf(RoomDocument document, HokmGame game, DateTimeOffset now)
    {
        var score = game.Score;
        return new GameCompletion(
            GameStartedOf(document),
            now,
            game.Winner == Team.A ? TeamSide.A : TeamSide.B,
            score.A,
            score.B,
            game.Seed,
            [.. document.Hands.Select(h => HandCompletedOf(document.GameId!, h))]);
    }
}
