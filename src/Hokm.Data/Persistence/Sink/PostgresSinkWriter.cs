using System.Data.Common;
using Hokm.Data.Persistence.Events;
using Npgsql;
using NpgsqlTypes;

namespace Hokm.Data.Persistence.Sink;

/// <summary>
/// PostgreSQL. Every table's rows go in one <c>INSERT … SELECT FROM unnest(arrays)</c>, all sent as
/// one <see cref="NpgsqlBatch"/> — one round trip for the whole call, whatever its size; in
/// <see cref="SinkWriteMode.SkipExisting"/> each ends in <c>ON CONFLICT DO NOTHING</c>.
/// On a first delivery (<see cref="SinkWriteMode.InsertOnly"/>) a large group of moves goes by binary
/// COPY straight into <c>moves</c> instead, in the same transaction: a stored key fails the COPY, and
/// the caller writes the batch again with <c>ON CONFLICT</c>. Measured in docs/performance.md
/// ("Persistent sink"): COPY beats unnest from a few hundred rows, <c>ON CONFLICT</c> costs a
/// fifth to a half more than a plain insert, and COPY into a staging table followed by
/// <c>INSERT … SELECT … ON CONFLICT</c> was the slowest of all.
/// </summary>
internal sealed class PostgresSinkWriter : ISinkWriter
{
    internal const string InsertGames = """
        INSERT INTO games (id, room_code, started_at, target_score, seed_hash, status, score_a, score_b)
        SELECT u.id, u.room_code, u.started_at, u.target_score, u.seed_hash, 'playing', 0, 0
        FROM unnest(@id, @room_code, @started_at, @target_score, @seed_hash) AS u(id, room_code, started_at, target_score, seed_hash)
        """;

    internal const string InsertSeats = """
        INSERT INTO game_players (game_id, seat, player_id, name, team, is_bot)
        SELECT * FROM unnest(@game_id, @seat, @player_id, @name, @team, @is_bot)
        """;

    internal const string InsertMoves = """
        INSERT INTO moves (game_id, seq, hand, trick, seat, kind, card, suit, auto, at)
        SELECT * FROM unnest(@game_id, @seq, @hand, @trick, @seat, @kind, @card, @suit, @auto, @at)
        """;

    internal const string InsertHands = """
        INSERT INTO hands (game_id, number, hakem, trump, trump_auto, tricks_a, tricks_b, winner, points, kot)
        SELECT * FROM unnest(@game_id, @number, @hakem, @trump, @trump_auto, @tricks_a, @tricks_b, @winner, @points, @kot)
        """;

    internal const string InsertActions = """
        INSERT INTO action_log (id, player_id, game_id, kind, data, at)
        SELECT u.id, u.player_id, u.game_id, u.kind, u.data::jsonb, u.at
        FROM unnest(@id, @player_id, @game_id, @kind, @data, @at) AS u(id, player_id, game_id, kind, data, at)
        """;

    internal const string CopyMoves = "COPY moves (game_id, seq, hand, trick, seat, kind, card, suit, auto, at) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// From this many moves on, a first delivery COPYs them. Measured: COPY's extra round trip makes it
    /// slower than unnest at 100 rows, they are even near 300, and COPY is a third faster at 5,000.
    /// </summary>
    internal const int CopyThreshold = 256;

    private const string OnConflictDoNothing = "\nON CONFLICT DO NOTHING";

    public PersistenceProvider Provider => PersistenceProvider.PostgreSql;

    public async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, SinkBatch batch, SinkWriteMode mode, CancellationToken cancellationToken)
    {
        var suffix = mode == SinkWriteMode.SkipExisting ? OnConflictDoNothing : "";
        var npgsql = (NpgsqlConnection)connection;
        var copied = 0;
        if (mode == SinkWriteMode.InsertOnly && batch.Moves.Count >= CopyThreshold)
        {
            copied = await CopyMovesAsync(npgsql, batch.Moves, cancellationToken);
        }

        await using var command = new NpgsqlBatch(npgsql, (NpgsqlTransaction)transaction);

        // Which batch commands count as "an entry added a row": games (not seats), moves, hands, actions.
        var counted = new List<NpgsqlBatchCommand>(4);
        if (batch.Games.Count > 0)
        {
            counted.Add(Add(command, InsertGames + suffix, GameColumns(batch.Games)));
            command.BatchCommands.Add(Command(InsertSeats + suffix, SeatColumns(batch.Games)));
        }

        if (batch.Moves.Count > 0 && copied == 0)
        {
            counted.Add(Add(command, InsertMoves + suffix, MoveColumns(batch.Moves)));
        }

        if (batch.Hands.Count > 0)
        {
            counted.Add(Add(command, InsertHands + suffix, HandColumns(batch.Hands)));
        }

        if (batch.Actions.Count > 0)
        {
            counted.Add(Add(command, InsertActions + suffix, ActionColumns(batch.Actions)));
        }

        if (command.BatchCommands.Count == 0)
        {
            return copied;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        return copied + counted.Sum(static c => c.RecordsAffected);
    }

    /// <summary>Binary COPY of moves into <c>moves</c>, in the connection's transaction; returns the rows written.</summary>
    internal static async Task<int> CopyMovesAsync(NpgsqlConnection connection, IReadOnlyList<SinkItem<MoveRecorded>> moves, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyMoves, cancellationToken);
        foreach (var item in moves)
        {
            var m = item.Event;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(m.GameId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(m.Seq, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(m.Hand, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(m.Trick, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(m.Seat, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(EventColumns.Kind(m.Kind), NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, m.Card, cancellationToken);
            await WriteNullableAsync(importer, m.Suit, cancellationToken);
            await importer.WriteAsync(m.Auto, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(m.At.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        return (int)await importer.CompleteAsync(cancellationToken);
    }

    // Class 22 (data exception: a value too long, bad JSON) and 23 (integrity: foreign key, check,
    // not null) are the row's fault; anything else (connection, 40001, 57014 timeout) is the store's.
    public bool IsRowError(Exception exception) =>
        exception is PostgresException e
        && (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal));

    public bool IsDuplicateKey(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public object Timestamp(DateTimeOffset value) => value.UtcDateTime;

    internal static NpgsqlParameter[] GameColumns(IReadOnlyList<SinkItem<GameStarted>> games) =>
    [
        Array("id", NpgsqlDbType.Text, games, static g => g.GameId),
        Array("room_code", NpgsqlDbType.Text, games, static g => g.Room),
        Array("started_at", NpgsqlDbType.TimestampTz, games, static g => g.StartedAt.UtcDateTime),
        Array("target_score", NpgsqlDbType.Integer, games, static g => g.TargetScore),
        Array("seed_hash", NpgsqlDbType.Text, games, static g => g.SeedHash),
    ];

    internal static NpgsqlParameter[] SeatColumns(IReadOnlyList<SinkItem<GameStarted>> games)
    {
        var seats = games.SelectMany(static g => g.Event.Players.Select(p => new SinkItem<(string GameId, SeatAssignment Seat)>(g.Index, (g.Event.GameId, p)))).ToList();
        return
        [
            Array("game_id", NpgsqlDbType.Text, seats, static s => s.GameId),
            Array("seat", NpgsqlDbType.Integer, seats, static s => s.Seat.Seat),
            Array("player_id", NpgsqlDbType.Text, seats, static s => s.Seat.PlayerId),
            Array("name", NpgsqlDbType.Text, seats, static s => s.Seat.Name),
            Array("team", NpgsqlDbType.Text, seats, static s => EventColumns.Team(s.Seat.Team)),
            Array("is_bot", NpgsqlDbType.Boolean, seats, static s => s.Seat.Bot),
        ];
    }

    internal static NpgsqlParameter[] MoveColumns(IReadOnlyList<SinkItem<MoveRecorded>> moves) =>
    [
        Array("game_id", NpgsqlDbType.Text, moves, static m => m.GameId),
        Array("seq", NpgsqlDbType.Bigint, moves, static m => m.Seq),
        Array("hand", NpgsqlDbType.Integer, moves, static m => m.Hand),
        Array("trick", NpgsqlDbType.Integer, moves, static m => m.Trick),
        Array("seat", NpgsqlDbType.Integer, moves, static m => m.Seat),
        Array("kind", NpgsqlDbType.Text, moves, static m => EventColumns.Kind(m.Kind)),
        Array("card", NpgsqlDbType.Text, moves, static m => m.Card),
        Array("suit", NpgsqlDbType.Text, moves, static m => m.Suit),
        Array("auto", NpgsqlDbType.Boolean, moves, static m => m.Auto),
        Array("at", NpgsqlDbType.TimestampTz, moves, static m => m.At.UtcDateTime),
    ];

    internal static NpgsqlParameter[] HandColumns(IReadOnlyList<SinkItem<HandCompleted>> hands) =>
    [
        Array("game_id", NpgsqlDbType.Text, hands, static h => h.GameId),
        Array("number", NpgsqlDbType.Integer, hands, static h => h.Number),
        Array("hakem", NpgsqlDbType.Integer, hands, static h => h.Hakem),
        Array("trump", NpgsqlDbType.Text, hands, static h => h.Trump),
        Array("trump_auto", NpgsqlDbType.Boolean, hands, static h => h.TrumpAuto),
        Array("tricks_a", NpgsqlDbType.Integer, hands, static h => h.TricksA),
        Array("tricks_b", NpgsqlDbType.Integer, hands, static h => h.TricksB),
        Array("winner", NpgsqlDbType.Text, hands, static h => EventColumns.Team(h.Winner)),
        Array("points", NpgsqlDbType.Integer, hands, static h => h.Points),
        Array("kot", NpgsqlDbType.Text, hands, static h => EventColumns.Kot(h.Kot)),
    ];

    internal static NpgsqlParameter[] ActionColumns(IReadOnlyList<SinkItem<ActionRecorded>> actions) =>
    [
        Array("id", NpgsqlDbType.Uuid, actions, static a => a.Id),
        Array("player_id", NpgsqlDbType.Text, actions, static a => a.PlayerId),
        Array("game_id", NpgsqlDbType.Text, actions, static a => a.GameId),
        Array("kind", NpgsqlDbType.Text, actions, static a => a.Kind),
        Array("data", NpgsqlDbType.Text, actions, static a => a.Data.GetRawText()),
        Array("at", NpgsqlDbType.TimestampTz, actions, static a => a.At.UtcDateTime),
    ];

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, NpgsqlParameter[] parameters)
    {
        var command = Command(sql, parameters);
        batch.BatchCommands.Add(command);
        return command;
    }

    private static NpgsqlBatchCommand Command(string sql, NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Array<TEvent, TValue>(string name, NpgsqlDbType type, IReadOnlyList<SinkItem<TEvent>> items, Func<TEvent, TValue> column)
    {
        var values = new TValue[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column(items[i].Event);
        }

        return new NpgsqlParameter<TValue[]>(name, NpgsqlDbType.Array | type) { TypedValue = values };
    }
}
