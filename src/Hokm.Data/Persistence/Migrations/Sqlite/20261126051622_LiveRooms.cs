using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hokm.Data.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "live_rooms",
                columns: table => new
                {
                    room = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    needs_rehydration = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_live_rooms", x => x.room);
                });

            migrationBuilder.CreateIndex(
                name: "ix_live_rooms_needs_rehydration",
                table: "live_rooms",
                column: "needs_rehydration");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "live_rooms");
        }
    }
}
