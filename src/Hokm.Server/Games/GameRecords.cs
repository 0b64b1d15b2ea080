using System.Globalization;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Persistence.Model;
using Hokm.Game.Cards;
using Hokm.Game.Moves;
using Hokm.Game.Records;
using Hokm.Game.Rules;

namespace Hokm.Server.Games;

/// <summary>
/// Rebuilds a finished game's record (GAME_RECORD.md) from the persistent store: the game row (seed,
/// target), its seats, and its moves replayed through the engine from the seed — so the record is
/// exactly what the rules make of what was stored.
/// </summary>
internal sealed class GameRecords(GameHistoryReader reader)
{
    /// <summary>The record, or why there is none.</summary>
    public async Task<GameRecordLookup> GetAsync(string gameId, CancellationToken cancellationToken)
    {
        var history = await reader.GetAsync(gameId, cancellationToken);
        if (history is null)
        {
            return new GameRecordLookup(GameRecordStatus.NotFound, null, "No game has this id.");
        }

        var game = history.Game;
        if (game.Status != GameStatuses.Finished)
        {
            // Never reveal the seed (or a partial record) before the end.
            return new GameRecordLookup(GameRecordStatus.InProgress, null, "The game is still being played.");
        }

        if (game.Seed is not { Length: > 0 } seed || history.Players.Count != Seats.Count)
        {
            return new GameRecordLookup(GameRecordStatus.Incomplete, null, "The game's seats are not stored yet.");
        }

        var moves = ToMoves(history.Moves);
        if (moves is null)
        {
            return new GameRecordLookup(GameRecordStatus.Incomplete, null, "Some of the game's moves are not stored yet.");
        }

        var replay = HokmGame.Replay(seed, new GameOptions { TargetScore = game.TargetScore }, moves);
        if (!replay.Succeeded)
        {
            return new GameRecordLookup(GameRecordStatus.Inconsistent, null, $"Move {replay.RejectedMoveIndex} does not replay: {replay.Rejection!.Message}");
        }

        if (replay.Game.Phase != GamePhase.GameOver)
        {
            return new GameRecordLookup(GameRecordStatus.Incomplete, null, "The last moves of the game are not stored yet.");
        }

        // Bots have no account; the record names them bot-{seat}, as the simulator does.
        var players = history.Players
            .Select(static p => new RecordPlayer(p.Seat, p.PlayerId ?? string.Create(CultureInfo.InvariantCulture, $"bot-{p.Seat}"), p.Name, p.IsBot))
            .ToArray();
        var builder = new GameRecordBuilder(game.Id, seed, game.TargetScore, players);
        builder.AddRange(replay.Events);
        return new GameRecordLookup(GameRecordStatus.Found, builder.Build().ToJson(), null);
    }

    /// <summary>The engine's moves: a next-hand move wherever the hand number goes up; null when a sequence number is missing.</summary>
    private static List<GameMove>? ToMoves(IReadOnlyList<MoveRow> rows)
    {
        var moves = new List<GameMove>(rows.Count + 8);
        var hand = 1;
        long expected = 1;
        foreach (var row in rows)
        {
            if (row.Seq != expected++)
            {
                return null;
            }

            for (; hand < row.Hand; hand++)
            {
                moves.Add(NextHandMove.Instance);
            }

            if (row.Kind == "trump" && Suits.TryParse(row.Suit, out var suit))
            {
                moves.Add(new ChooseTrumpMove(row.Seat, suit, row.Auto));
            }
            else if (row.Kind == "play" && Card.TryParse(row.Card, out var card))
            {
                moves.Add(new PlayCardMove(row.Seat, card));
            }
            else
            {
                return null;
            }
        }

        return moves;
    }
}
