using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hokm.Data.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    player_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    game_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    error = table.Column<string>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    first_failure_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_failure_at = table.Column<long>(type: "INTEGER", nullable: false),
                    replayed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dead_letters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "games",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    room_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    target_score = table.Column<int>(type: "INTEGER", nullable: false),
                    winner = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    score_a = table.Column<int>(type: "INTEGER", nullable: false),
                    score_b = table.Column<int>(type: "INTEGER", nullable: false),
                    seed = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    seed_hash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_games", x => x.id);
                    table.CheckConstraint("ck_games_status", "status IN ('playing', 'finished')");
                    table.CheckConstraint("ck_games_winner", "winner IS NULL OR winner IN ('A', 'B')");
                });

            migrationBuilder.CreateTable(
                name: "hands",
                columns: table => new
                {
                    game_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    hakem = table.Column<int>(type: "INTEGER", nullable: false),
                    trump = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    trump_auto = table.Column<bool>(type: "INTEGER", nullable: false),
                    tricks_a = table.Column<int>(type: "INTEGER", nullable: false),
                    tricks_b = table.Column<int>(type: "INTEGER", nullable: false),
                    winner = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    points = table.Column<int>(type: "INTEGER", nullable: false),
                    kot = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hands", x => new { x.game_id, x.number });
                    table.CheckConstraint("ck_hands_hakem", "hakem BETWEEN 0 AND 3");
                    table.CheckConstraint("ck_hands_kot", "kot IN ('none', 'kot', 'hakem_kot')");
                    table.CheckConstraint("ck_hands_winner", "winner IN ('A', 'B')");
                });

            migrationBuilder.CreateTable(
                name: "moves",
                columns: table => new
                {
                    game_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    hand = table.Column<int>(type: "INTEGER", nullable: false),
                    trick = table.Column<int>(type: "INTEGER", nullable: false),
                    seat = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    card = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    suit = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    auto = table.Column<bool>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moves", x => new { x.game_id, x.seq });
                    table.CheckConstraint("ck_moves_kind", "kind IN ('trump', 'play')");
                    table.CheckConstraint("ck_moves_seat", "seat BETWEEN 0 AND 3");
                });

            migrationBuilder.CreateTable(
                name: "players",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    username = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    username_normalized = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    is_guest = table.Column<bool>(type: "INTEGER", nullable: false),
                    rating = table.Column<double>(type: "REAL", nullable: false, defaultValue: 1500.0),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    failed_logins = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_players", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "game_players",
                columns: table => new
                {
                    game_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    seat = table.Column<int>(type: "INTEGER", nullable: false),
                    player_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    team = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    is_bot = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_game_players", x => new { x.game_id, x.seat });
                    table.CheckConstraint("ck_game_players_seat", "seat BETWEEN 0 AND 3");
                    table.CheckConstraint("ck_game_players_team", "team IN ('A', 'B')");
                    table.ForeignKey(
                        name: "fk_game_players_games_game_id",
                        column: x => x.game_id,
                        principalTable: "games",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_game_players_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "player_stats",
                columns: table => new
                {
                    player_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    games = table.Column<int>(type: "INTEGER", nullable: false),
                    wins = table.Column<int>(type: "INTEGER", nullable: false),
                    hands = table.Column<int>(type: "INTEGER", nullable: false),
                    tricks = table.Column<int>(type: "INTEGER", nullable: false),
                    kots = table.Column<int>(type: "INTEGER", nullable: false),
                    kots_suffered = table.Column<int>(type: "INTEGER", nullable: false),
                    hakem_hands = table.Column<int>(type: "INTEGER", nullable: false),
                    hakem_wins = table.Column<int>(type: "INTEGER", nullable: false),
                    rating = table.Column<double>(type: "REAL", nullable: false, defaultValue: 1500.0),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_player_stats", x => x.player_id);
                    table.ForeignKey(
                        name: "fk_player_stats_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_log_at",
                table: "action_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_action_log_game_id",
                table: "action_log",
                column: "game_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_log_player_id_at",
                table: "action_log",
                columns: new[] { "player_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_replayed_at_id",
                table: "dead_letters",
                columns: new[] { "replayed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_source",
                table: "dead_letters",
                column: "source");

            migrationBuilder.CreateIndex(
                name: "ix_game_players_player_id",
                table: "game_players",
                column: "player_id");

            migrationBuilder.CreateIndex(
                name: "ix_games_ended_at",
                table: "games",
                column: "ended_at");

            migrationBuilder.CreateIndex(
                name: "ix_games_room_code",
                table: "games",
                column: "room_code");

            migrationBuilder.CreateIndex(
                name: "ix_games_started_at",
                table: "games",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_hands_hakem_winner",
                table: "hands",
                columns: new[] { "hakem", "winner" });

            migrationBuilder.CreateIndex(
                name: "ix_hands_kot",
                table: "hands",
                column: "kot");

            migrationBuilder.CreateIndex(
                name: "ix_hands_trump",
                table: "hands",
                column: "trump");

            migrationBuilder.CreateIndex(
                name: "ix_player_stats_rating",
                table: "player_stats",
                column: "rating");

            migrationBuilder.CreateIndex(
                name: "ix_players_username_normalized",
                table: "players",
                column: "username_normalized",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_log");

            migrationBuilder.DropTable(
                name: "dead_letters");

            migrationBuilder.DropTable(
                name: "game_players");

            migrationBuilder.DropTable(
                name: "hands");

            migrationBuilder.DropTable(
                name: "moves");

            migrationBuilder.DropTable(
                name: "player_stats");

            migrationBuilder.DropTable(
                name: "games");

            migrationBuilder.DropTable(
                name: "players");
        }
    }
}
