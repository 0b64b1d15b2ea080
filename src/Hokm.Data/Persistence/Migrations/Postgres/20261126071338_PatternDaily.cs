using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hokm.Data.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PatternDaily : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pattern_daily_games",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    has_bots = table.Column<bool>(type: "boolean", nullable: false),
                    hand_count = table.Column<int>(type: "integer", nullable: false),
                    duration_bucket = table.Column<int>(type: "integer", nullable: false),
                    games = table.Column<int>(type: "integer", nullable: false),
                    duration_ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pattern_daily_games", x => new { x.day, x.has_bots, x.hand_count, x.duration_bucket });
                    table.CheckConstraint("ck_pattern_daily_games_bucket", "duration_bucket BETWEEN 0 AND 5");
                });

            migrationBuilder.CreateTable(
                name: "pattern_daily_hands",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    has_bots = table.Column<bool>(type: "boolean", nullable: false),
                    trump = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    hands = table.Column<int>(type: "integer", nullable: false),
                    hakem_wins = table.Column<int>(type: "integer", nullable: false),
                    kots = table.Column<int>(type: "integer", nullable: false),
                    hakem_kots = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pattern_daily_hands", x => new { x.day, x.has_bots, x.trump });
                    table.CheckConstraint("ck_pattern_daily_hands_counts", "hakem_wins <= hands AND kots <= hands AND hakem_kots <= kots");
                });

            // Backfill: the finished games already stored, summed the way Stats/PatternRollup adds one
            // game at its completion (PatternRollup.Statements with "g.status = 'finished'", frozen here
            // as of this migration). Nodes of this version migrate before they serve (EF Core's
            // migration lock makes the others wait), so none completes a game before this commits;
            // nodes of an older version do not write the rollup (docs/data-layer.md, "Statistics").
            migrationBuilder.Sql("""
                INSERT INTO pattern_daily_hands (day, has_bots, trump, hands, hakem_wins, kots, hakem_kots)
                SELECT d.day, d.has_bots, h.trump, COUNT(*),
                       SUM(CASE WHEN (CASE WHEN h.hakem % 2 = 0 THEN 'A' ELSE 'B' END) = h.winner THEN 1 ELSE 0 END),
                       SUM(CASE WHEN h.kot <> 'none' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN h.kot = 'hakem_kot' THEN 1 ELSE 0 END)
                FROM (SELECT g.id, (g.started_at AT TIME ZONE 'UTC')::date AS day,
                       EXISTS (SELECT 1 FROM game_players p WHERE p.game_id = g.id AND p.is_bot) AS has_bots,
                       (SELECT COUNT(*) FROM hands c WHERE c.game_id = g.id) AS hand_count, ((EXTRACT(EPOCH FROM g.ended_at) - EXTRACT(EPOCH FROM g.started_at)) * 10000000)::bigint AS ticks
                FROM games g WHERE g.status = 'finished') d JOIN hands h ON h.game_id = d.id
                GROUP BY d.day, d.has_bots, h.trump
                """);

            migrationBuilder.Sql("""
                INSERT INTO pattern_daily_games (day, has_bots, hand_count, duration_bucket, games, duration_ticks)
                SELECT d.day, d.has_bots, d.hand_count, CASE WHEN d.ticks >= 36000000000 THEN 5 WHEN d.ticks >= 27000000000 THEN 4 WHEN d.ticks >= 18000000000 THEN 3 WHEN d.ticks >= 12000000000 THEN 2 WHEN d.ticks >= 6000000000 THEN 1 ELSE 0 END, COUNT(*), SUM(d.ticks)
                FROM (SELECT g.id, (g.started_at AT TIME ZONE 'UTC')::date AS day,
                       EXISTS (SELECT 1 FROM game_players p WHERE p.game_id = g.id AND p.is_bot) AS has_bots,
                       (SELECT COUNT(*) FROM hands c WHERE c.game_id = g.id) AS hand_count, ((EXTRACT(EPOCH FROM g.ended_at) - EXTRACT(EPOCH FROM g.started_at)) * 10000000)::bigint AS ticks
                FROM games g WHERE g.status = 'finished') d
                GROUP BY d.day, d.has_bots, d.hand_count, CASE WHEN d.ticks >= 36000000000 THEN 5 WHEN d.ticks >= 27000000000 THEN 4 WHEN d.ticks >= 18000000000 THEN 3 WHEN d.ticks >= 12000000000 THEN 2 WHEN d.ticks >= 6000000000 THEN 1 ELSE 0 END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pattern_daily_games");

            migrationBuilder.DropTable(
                name: "pattern_daily_hands");
        }
    }
}
