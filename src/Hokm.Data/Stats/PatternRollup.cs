using System.Data.Common;
using System.Globalization;
using Hokm.Data.Persistence;

namespace Hokm.Data.Stats;

/// <summary>
/// The game-pattern rollup (<c>pattern_daily_hands</c>, <c>pattern_daily_games</c>): what
/// <see cref="IHokmStats.AnalyzeGamePatternsAsync"/> needs of the finished games, summed per UTC
/// start day and bot presence. <see cref="AddGameAsync"/> runs inside the completion's transaction,
/// after its "finished" guard, so a game is counted exactly once. The values are read back from the
/// stored rows (<c>games</c>, <c>game_players</c>, <c>hands</c>), the same rows the scan reads, so the
/// two paths agree even when the outbox delivered the game's start or hands first.
/// </summary>
internal static class PatternRollup
{
    /// <summary>Lower bounds of the length buckets; the last is open. Changing them needs a migration that rebuilds the rollup.</summary>
    public static readonly TimeSpan[] DurationBounds =
        [TimeSpan.Zero, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(60)];

    /// <summary>The bucket of a game's length: the last bound it reaches (negative lengths fall in the first).</summary>
    public static int Bucket(TimeSpan length)
    {
        var bucket = 0;
        for (var i = 1; i < DurationBounds.Length; i++)
        {
            if (length >= DurationBounds[i])
            {
                bucket = i;
            }
        }

        return bucket;
    }

    /// <summary>Adds the finished game <paramref name="gameId"/> to the rollup.</summary>
    public static async Task AddGameAsync(DbConnection db, DbTransaction transaction, PersistenceProvider provider, string gameId, CancellationToken cancellationToken)
    {
        foreach (var sql in Statements(provider, "g.id = @id"))
        {
            await using var command = db.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            id.Value = gameId;
            command.Parameters.Add(id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The two upserts that add the games matching <paramref name="where"/> (a condition on <c>games g</c>)
    /// to the rollup: <c>g.id = @id</c> at completion; <c>g.status = 'finished'</c> rebuilds an empty
    /// rollup (the migration that created it ran this, frozen as text). Rows are upserted in key order,
    /// so concurrent completions on PostgreSQL lock them in the same order.
    /// </summary>
    public static IReadOnlyList<string> Statements(PersistenceProvider provider, string where)
    {
        var postgres = provider == PersistenceProvider.PostgreSql;
        var day = postgres ? "(g.started_at AT TIME ZONE 'UTC')::date" : "g.started_at / 864000000000";
        var ticks = postgres
            ? "((EXTRACT(EPOCH FROM g.ended_at) - EXTRACT(EPOCH FROM g.started_at)) * 10000000)::bigint"
            : "(g.ended_at - g.started_at)";
        var bucket = "CASE" + string.Concat(DurationBounds.Select(static (b, i) => (b, i)).Skip(1).Reverse()
            .Select(static x => string.Create(CultureInfo.InvariantCulture, $" WHEN d.ticks >= {x.b.Ticks} THEN {x.i}"))) + " ELSE 0 END";
        var selected = $"""
            SELECT g.id, {day} AS day,
                   EXISTS (SELECT 1 FROM game_players p WHERE p.game_id = g.id AND p.is_bot) AS has_bots,
                   (SELECT COUNT(*) FROM hands c WHERE c.game_id = g.id) AS hand_count, {ticks} AS ticks
            FROM games g WHERE {where}
            """;
        return
        [
            $"""
            INSERT INTO pattern_daily_hands (day, has_bots, trump, hands, hakem_wins, kots, hakem_kots)
            SELECT d.day, d.has_bots, h.trump, COUNT(*),
                   SUM(CASE WHEN (CASE WHEN h.hakem % 2 = 0 THEN 'A' ELSE 'B' END) = h.winner THEN 1 ELSE 0 END),
                   SUM(CASE WHEN h.kot <> 'none' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN h.kot = 'hakem_kot' THEN 1 ELSE 0 END)
            FROM ({selected}) d JOIN hands h ON h.game_id = d.id
            WHERE TRUE
            GROUP BY d.day, d.has_bots, h.trump
            ORDER BY d.day, d.has_bots, h.trump
            ON CONFLICT (day, has_bots, trump) DO UPDATE SET
                hands = pattern_daily_hands.hands + excluded.hands,
                hakem_wins = pattern_daily_hands.hakem_wins + excluded.hakem_wins,
                kots = pattern_daily_hands.kots + excluded.kots,
                hakem_kots = pattern_daily_hands.hakem_kots + excluded.hakem_kots
            """,
            $"""
            INSERT INTO pattern_daily_games (day, has_bots, hand_count, duration_bucket, games, duration_ticks)
            SELECT d.day, d.has_bots, d.hand_count, {bucket}, COUNT(*), SUM(d.ticks)
            FROM ({selected}) d
            WHERE TRUE
            GROUP BY d.day, d.has_bots, d.hand_count, {bucket}
            ORDER BY d.day, d.has_bots, d.hand_count, {bucket}
            ON CONFLICT (day, has_bots, hand_count, duration_bucket) DO UPDATE SET
                games = pattern_daily_games.games + excluded.games,
                duration_ticks = pattern_daily_games.duration_ticks + excluded.duration_ticks
            """,
        ];
    }
}
