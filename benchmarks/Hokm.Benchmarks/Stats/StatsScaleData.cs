using System.Globalization;

namespace Hokm.Benchmarks.Stats;

/// <summary>
/// The benchmark's history as one SQL script: 1,000 players; games evenly spread over the year before
/// <c>end</c>, 10–60 minutes long, seats 0–3 taken by players <c>i·37 + s·250 (mod 1000)</c> (distinct
/// in a game), every tenth game with a bot at seat 3; 7–11 hands a game with random Hakem, trump and
/// tricks (a 7–0 is a Kot); <c>player_stats</c> aggregated from those rows.
/// </summary>
internal static class StatsScaleData
{
    public static string Script(int games, DateTimeOffset end)
    {
        var start = end.AddDays(-365).ToString("O", CultureInfo.InvariantCulture);
        var step = 365.0 * 24 * 3600 / games;
        return string.Create(CultureInfo.InvariantCulture, $"""
            SELECT setseed(0.42);
            INSERT INTO players (id, display_name, is_guest, rating, created_at, failed_logins)
            SELECT 'p' || lpad(i::text, 4, '0'), 'Player ' || i, true, 1500 + (random() - 0.5) * 600, '{start}', 0
            FROM generate_series(0, 999) i;
            INSERT INTO games (id, room_code, started_at, ended_at, target_score, winner, score_a, score_b, seed, seed_hash, status)
            SELECT 'g' || lpad(i::text, 7, '0'), 'R' || i, t, t + (10 + (i * 7919) % 50) * interval '1 minute', 7,
                   CASE WHEN random() < 0.5 THEN 'A' ELSE 'B' END, 0, 0, 's' || i, 'h' || i, 'finished'
            FROM generate_series(0, {games - 1}) i, LATERAL (SELECT timestamptz '{start}' + i * {step} * interval '1 second' AS t) x;
            UPDATE games SET score_a = CASE WHEN winner = 'A' THEN 7 ELSE 3 END, score_b = CASE WHEN winner = 'B' THEN 7 ELSE 3 END;
            INSERT INTO game_players (game_id, seat, player_id, name, team, is_bot)
            SELECT 'g' || lpad(i::text, 7, '0'), s,
                   CASE WHEN s = 3 AND i % 10 = 0 THEN NULL ELSE 'p' || lpad(((i * 37 + s * 250) % 1000)::text, 4, '0') END,
                   'seat ' || s, CASE WHEN s % 2 = 0 THEN 'A' ELSE 'B' END, s = 3 AND i % 10 = 0
            FROM generate_series(0, {games - 1}) i, generate_series(0, 3) s;
            INSERT INTO hands (game_id, number, hakem, trump, trump_auto, tricks_a, tricks_b, winner, points, kot)
            SELECT game_id, n, hakem, (ARRAY['S','H','D','C'])[1 + floor(random() * 4)::int], false,
                   CASE WHEN w = 'A' THEN 7 ELSE l END, CASE WHEN w = 'B' THEN 7 ELSE l END, w,
                   CASE WHEN l > 0 THEN 1 WHEN (hakem % 2 = 0) = (w = 'A') THEN 2 ELSE 3 END,
                   CASE WHEN l > 0 THEN 'none' WHEN (hakem % 2 = 0) = (w = 'A') THEN 'kot' ELSE 'hakem_kot' END
            FROM (
                SELECT 'g' || lpad(i::text, 7, '0') AS game_id, n, floor(random() * 4)::int AS hakem,
                       CASE WHEN random() < 0.5 THEN 'A' ELSE 'B' END AS w, floor(random() * 7)::int AS l
                FROM generate_series(0, {games - 1}) i, LATERAL generate_series(1, 7 + i % 5) n) h;
            INSERT INTO player_stats (player_id, games, wins, hands, tricks, kots, kots_suffered, hakem_hands, hakem_wins, rating, updated_at)
            SELECT gp.player_id, count(DISTINCT gp.game_id), count(DISTINCT gp.game_id) FILTER (WHERE gp.team = g.winner), count(*),
                   sum(CASE WHEN gp.team = 'A' THEN h.tricks_a ELSE h.tricks_b END),
                   count(*) FILTER (WHERE h.kot <> 'none' AND h.winner = gp.team), count(*) FILTER (WHERE h.kot <> 'none' AND h.winner <> gp.team),
                   count(*) FILTER (WHERE h.hakem = gp.seat), count(*) FILTER (WHERE h.hakem = gp.seat AND h.winner = gp.team),
                   min(p.rating), '{end:O}'
            FROM game_players gp JOIN games g ON g.id = gp.game_id JOIN hands h ON h.game_id = gp.game_id JOIN players p ON p.id = gp.player_id
            WHERE gp.player_id IS NOT NULL
            GROUP BY gp.player_id;
            """);
    }
}
