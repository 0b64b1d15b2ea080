using System.Data.Common;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Model;
using Microsoft.Data.Sqlite;

namespace Hokm.Data.Persistence.Sink;

/// <summary>
/// SQLite: one prepared <c>INSERT … ON CONFLICT DO NOTHING</c> per table, executed per row inside
/// the caller's transaction (in-process, so a row costs microseconds, not a round trip).
/// <c>ON CONFLICT DO NOTHING</c> rather than <c>INSERT OR IGNORE</c>: OR IGNORE would also silently
/// skip rows that break a CHECK or NOT NULL constraint, hiding poison entries instead of reporting them.
/// </summary>
internal sealed class SqliteSinkWriter : ISinkWriter
{
    private const int SqliteConstraint = 19;

    private const string InsertGame = """
        INSERT INTO games (id, room_code, started_at, target_score, seed_hash, status, score_a, score_b)
        VALUES (@id, @room_code, @started_at, @target_score, @seed_hash, 'playing', 0, 0)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertSeat = """
        INSERT INTO game_players (game_id, seat, player_id, name, team, is_bot)
        VALUES (@game_id, @seat, @player_id, @name, @team, @is_bot)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertMove = """
        INSERT INTO moves (game_id, seq, hand, trick, seat, kind, card, suit, auto, at)
        VALUES (@game_id, @seq, @hand, @trick, @seat, @kind, @card, @suit, @auto, @at)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertHand = """
        INSERT INTO hands (game_id, number, hakem, trump, trump_auto, tricks_a, tricks_b, winner, points, kot)
        VALUES (@game_id, @number, @hakem, @trump, @trump_auto, @tricks_a, @tricks_b, @winner, @points, @kot)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertAction = """
        INSERT INTO action_log (id, player_id, game_id, kind, data, at)
        VALUES (@id, @player_id, @game_id, @kind, @data, @at)
        ON CONFLICT DO NOTHING
        """;

    public PersistenceProvider Provider => PersistenceProvider.Sqlite;

    // Always ON CONFLICT DO NOTHING: SQLite checks the key either way, so a plain insert would save nothing.
    public async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, SinkBatch batch, SinkWriteMode mode, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var tx = (SqliteTransaction)transaction;
        var inserted = 0;
        if (batch.Games.Count > 0)
        {
            inserted += await ExecuteAsync(sqlite, tx, InsertGame, batch.Games, static g =>
            [
                g.GameId, g.Room, UtcTicksConverter.ToStore(g.StartedAt), g.TargetScore, g.SeedHash,
            ], cancellationToken);
            var seats = batch.Games.SelectMany(static g => g.Event.Players.Select(p => new SinkItem<(string GameId, SeatAssignment Seat)>(g.Index, (g.Event.GameId, p)))).ToList();
            await ExecuteAsync(sqlite, tx, InsertSeat, seats, static s =>
            [
                s.GameId, s.Seat.Seat, s.Seat.PlayerId, s.Seat.Name, EventColumns.Team(s.Seat.Team), s.Seat.Bot,
            ], cancellationToken);
        }

        if (batch.Moves.Count > 0)
        {
            inserted += await ExecuteAsync(sqlite, tx, InsertMove, batch.Moves, static m =>
            [
                m.GameId, m.Seq, m.Hand, m.Trick, m.Seat, EventColumns.Kind(m.Kind), m.Card, m.Suit, m.Auto, UtcTicksConverter.ToStore(m.At),
            ], cancellationToken);
        }

        if (batch.Hands.Count > 0)
        {
            inserted += await ExecuteAsync(sqlite, tx, InsertHand, batch.Hands, static h =>
            [
                h.GameId, h.Number, h.Hakem, h.Trump, h.TrumpAuto, h.TricksA, h.TricksB, EventColumns.Team(h.Winner), h.Points, EventColumns.Kot(h.Kot),
            ], cancellationToken);
        }

        if (batch.Actions.Count > 0)
        {
            inserted += await ExecuteAsync(sqlite, tx, InsertAction, batch.Actions, static a =>
            [
                a.Id, a.PlayerId, a.GameId, a.Kind, a.Data.GetRawText(), UtcTicksConverter.ToStore(a.At),
            ], cancellationToken);
        }

        return inserted;
    }

    public bool IsRowError(Exception exception) => exception is SqliteException { SqliteErrorCode: SqliteConstraint };

    public bool IsDuplicateKey(Exception exception) => false;

    public object Timestamp(DateTimeOffset value) => UtcTicksConverter.ToStore(value);

    /// <summary>
    /// Runs <paramref name="sql"/> once per item, binding the values <paramref name="row"/> gives in
    /// the order of the statement's parameters; the statement is prepared once.
    /// </summary>
    private static async Task<int> ExecuteAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, string sql, IReadOnlyList<SinkItem<T>> items, Func<T, object?[]> row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var names = ParameterNames(sql);
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        var inserted = 0;
        foreach (var item in items)
        {
            var values = row(item.Event);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    private static List<string> ParameterNames(string sql)
    {
        var names = new List<string>();
        var at = sql.IndexOf('@', StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + 1;
            while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                end++;
            }

            names.Add(sql[at..end]);
            at = sql.IndexOf('@', end);
        }

        return names;
    }
}
