using System.Data.Common;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Persistence.Sink;
using Hokm.Data.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hokm.Data.Persistence.Games;

/// <summary>
/// Game completion, written through in one transaction. The "finished" status is the idempotency
/// guard: the row is switched to finished only from another status, so two calls for the same game
/// (a retry, or two nodes) finish it once and count its statistics (totals, ratings, the game-pattern
/// rollup) once.
/// </summary>
internal sealed class GameStore(
    PersistenceConnection connection,
    IDbContextFactory<HokmDbContext> contexts,
    TimeProvider time,
    IOptions<StatsOptions> statsOptions,
    ILogger<GameStore> logger) : IGameStore
{
    // One statement, so a game_started row that the sync worker inserts concurrently cannot slip
    // between "no row to update" and "insert": on a conflict the row is finished in place, unless
    // it already is (then no row is affected and this call changes nothing).
    private const string FinishGame = """
        INSERT INTO games (id, room_code, started_at, ended_at, target_score, winner, score_a, score_b, seed, seed_hash, status)
        VALUES (@id, @room_code, @started_at, @ended_at, @target_score, @winner, @score_a, @score_b, @seed, @seed_hash, 'finished')
        ON CONFLICT (id) DO UPDATE SET
            ended_at = excluded.ended_at, winner = excluded.winner, score_a = excluded.score_a, score_b = excluded.score_b,
            seed = excluded.seed, status = 'finished'
        WHERE games.status <> 'finished'
        """;

    private const string AddStatistics = """
        INSERT INTO player_stats (player_id, games, wins, hands, tricks, kots, kots_suffered, hakem_hands, hakem_wins, rating, updated_at)
        VALUES (@player_id, 1, @wins, @hands, @tricks, @kots, @kots_suffered, @hakem_hands, @hakem_wins,
                COALESCE((SELECT rating FROM players WHERE id = @player_id), 1500), @updated_at)
        ON CONFLICT (player_id) DO UPDATE SET
            games = player_stats.games + excluded.games,
            wins = player_stats.wins + excluded.wins,
            hands = player_stats.hands + excluded.hands,
            tricks = player_stats.tricks + excluded.tricks,
            kots = player_stats.kots + excluded.kots,
            kots_suffered = player_stats.kots_suffered + excluded.kots_suffered,
            hakem_hands = player_stats.hakem_hands + excluded.hakem_hands,
            hakem_wins = player_stats.hakem_wins + excluded.hakem_wins,
            updated_at = excluded.updated_at
        """;

    private readonly ISinkWriter _writer = SinkWriters.For(connection.Provider);

    public async Task<bool> CompleteGameAsync(GameCompletion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        Validate(completion);
        var game = completion.Game;
        var now = time.GetUtcNow();

        await using var db = await connection.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var finished = await ExecuteAsync(db, transaction, FinishGame, cancellationToken, GameValues(completion));
        if (finished == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            PersistenceLog.GameAlreadyCompleted(logger, game.GameId);
            return false;
        }

        // Seats and hands through the sink's writer: rows the outbox already delivered stay as they are.
        var rows = new SinkBatch();
        rows.Games.Add(new SinkItem<GameStarted>(0, game));
        rows.Hands.AddRange(completion.Hands.Select(static (h, i) => new SinkItem<HandCompleted>(i + 1, h)));
        await _writer.WriteAsync(db, transaction, rows, SinkWriteMode.SkipExisting, cancellationToken);

        foreach (var (playerId, team) in game.Players.Where(static p => !p.Bot && p.PlayerId is not null).Select(static p => (p.PlayerId!, p)))
        {
            var hands = completion.Hands;
            var side = team.Team;
            await ExecuteAsync(db, transaction, AddStatistics, cancellationToken,
                ("player_id", playerId),
                ("wins", completion.Winner == side ? 1 : 0),
                ("hands", hands.Count),
                ("tricks", hands.Sum(h => side == TeamSide.A ? h.TricksA : h.TricksB)),
                ("kots", hands.Count(h => h.Kot != KotKind.None && h.Winner == side)),
                ("kots_suffered", hands.Count(h => h.Kot != KotKind.None && h.Winner != side)),
                ("hakem_hands", hands.Count(h => h.Hakem == team.Seat)),
                ("hakem_wins", hands.Count(h => h.Hakem == team.Seat && h.Winner == side)),
                ("updated_at", _writer.Timestamp(now)));
        }

        // Ratings (docs/data-layer.md "Statistics"): in this transaction, so the guard above covers them too.
        await RatingUpdate.ApplyAsync(db, transaction, completion, statsOptions.Value.KFactor, cancellationToken);

        // The game-pattern rollup, from the rows just stored; last, as its daily rows are the ones
        // every completion of the day updates, so their locks are held the shortest.
        await PatternRollup.AddGameAsync(db, transaction, connection.Provider, game.GameId, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        PersistenceLog.GameCompleted(logger, game.GameId, EventColumns.Team(completion.Winner), completion.ScoreA, completion.ScoreB, completion.Hands.Count);
        return true;
    }

    public async Task<PlayerStatistics?> GetPlayerStatisticsAsync(string playerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(playerId);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.PlayerStats.AsNoTracking()
            .Where(s => s.PlayerId == playerId)
            .Select(s => new PlayerStatistics(s.PlayerId, s.Games, s.Wins, s.Hands, s.Tricks, s.Kots, s.KotsSuffered, s.HakemHands, s.HakemWins, s.Rating, s.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static void Validate(GameCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion.Game);
        ArgumentNullException.ThrowIfNull(completion.Hands);
        var error = EventRules.Check(completion.Game)
            ?? (completion.ScoreA < 0 || completion.ScoreB < 0 ? "scores cannot be negative" : null)
            ?? (completion.EndedAt == default ? "endedAt is missing" : null)
            ?? (Enum.IsDefined(completion.Winner) ? null : "winner is not A or B")
            ?? (completion.Seed is { Length: > EventRules.MaxHashLength } ? "seed is too long" : null)
            ?? completion.Hands.Select(h => h is null ? "a hand is null"
                : h.GameId != completion.Game.GameId ? $"hand {h.Number} belongs to another game"
                : EventRules.Check(h)).FirstOrDefault(static e => e is not null)
            ?? (completion.Hands.Select(static h => h.Number).Distinct().Count() != completion.Hands.Count ? "hand numbers repeat" : null);
        if (error is not null)
        {
            throw new ArgumentException($"The completion of game '{completion.Game.GameId}' is not valid: {error}.", nameof(completion));
        }
    }

    private (string, object?)[] GameValues(GameCompletion completion) =>
    [
        ("id", completion.Game.GameId),
        ("room_code", completion.Game.Room),
        ("started_at", _writer.Timestamp(completion.Game.StartedAt)),
        ("ended_at", _writer.Timestamp(completion.EndedAt)),
        ("target_score", completion.Game.TargetScore),
        ("winner", EventColumns.Team(completion.Winner)),
        ("score_a", completion.ScoreA),
        ("score_b", completion.ScoreB),
        ("seed", completion.Seed),
        ("seed_hash", completion.Game.SeedHash),
    ];

    private static async Task<int> ExecuteAsync(
        DbConnection db, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        await using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            // Only the parameters the statement names: Npgsql refuses unused ones.
            if (sql.Contains("@" + name, StringComparison.Ordinal))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
