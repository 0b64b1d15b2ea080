using System.Net;
using Hokm.Audit;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Games;

/// <summary>A whole game over real sockets, real Redis and real PostgreSQL.</summary>
public sealed class FullGameTests
{
    [Fact]
    public async Task Four_clients_play_to_game_over_and_postgresql_holds_every_move_once_and_an_auditable_record()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var clients = new List<GameClient>();
        try
        {
            foreach (var name in new[] { "alice", "bob", "carol", "dave" })
            {
                clients.Add((await TestSetup.ConnectGuestAsync(host, name)).Client);
            }

            var created = await clients[0].RequestAsync("create_room", new Dictionary<string, object?> { ["targetScore"] = 2 });
            Assert.Equal("room_joined", created.Type);
            Assert.Equal(0, created.Int("seat"));
            var room = created.Str("room")!;
            for (var i = 1; i < 4; i++)
            {
                var joined = await clients[i].RequestAsync("join_room", new Dictionary<string, object?> { ["room"] = room.ToLowerInvariant() });
                Assert.Equal("room_joined", joined.Type);
                Assert.Equal(i, joined.Int("seat"));
            }

            var endings = await Tables.PlayAllAsync(clients.Select(static c => new TablePlayer(c)));
            var gameId = endings[0]!.Str("gameId")!;
            Assert.All(endings, e => Assert.Equal(gameId, e!.Str("gameId")));
            var winner = endings[0]!.Str("team");
            Assert.Contains(endings[0]!.Json.GetProperty("score").GetProperty(winner!).GetInt32(), new[] { 2, 3, 4 });

            // Every client saw the same moves; PostgreSQL must hold each exactly once.
            var frames = clients[0].Frames;
            var moves = frames.Count(static f => f.Type is "card_played" or "trump_chosen");
            var hands = frames.Count(static f => f.Type == "hand_over");
            Assert.All(clients, c => Assert.Equal(moves, c.Frames.Count(static f => f.Type is "card_played" or "trump_chosen")));
            await setup.WaitForMovesAsync(gameId, moves);
            Assert.Equal(moves, await setup.CountAsync("SELECT count(*) FROM moves WHERE game_id = @id", gameId));
            Assert.Equal(moves, await setup.CountAsync("SELECT count(DISTINCT seq) FROM moves WHERE game_id = @id", gameId));
            Assert.Equal(moves, await setup.CountAsync("SELECT max(seq) FROM moves WHERE game_id = @id", gameId));
            Assert.Equal(hands, await setup.CountAsync("SELECT count(*) FROM hands WHERE game_id = @id", gameId));
            Assert.Equal(1, await setup.CountAsync("SELECT count(*) FROM games WHERE id = @id AND status = 'finished'", gameId));
            Assert.Equal(4, await setup.CountAsync("SELECT count(*) FROM game_players WHERE game_id = @id AND NOT is_bot", gameId));
            Assert.Equal(4, await setup.CountAsync("SELECT count(*) FROM player_stats s JOIN game_players p ON p.player_id = s.player_id WHERE p.game_id = @id AND s.games = 1", gameId));

            using var http = host.CreateClient();
            using var response = await http.GetAsync(new Uri($"/api/games/{gameId}/record", UriKind.Relative));
            var record = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, record);
            Assert.Empty(RecordAuditor.AuditRecord(record));
            Assert.Contains($"\"gameId\":\"{gameId}\"", record, StringComparison.Ordinal);
            Assert.Contains($"\"winner\":\"{winner}\"", record, StringComparison.Ordinal);

            // The moves were measured (meter Hokm.Server, exported at /metrics).
            var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Contains("hokm_moves_total", metrics, StringComparison.Ordinal);
            Assert.Contains("hokm_move_duration_seconds", metrics, StringComparison.Ordinal);
            Assert.Contains("hokm_games_completed_total", metrics, StringComparison.Ordinal);

            // No client ever received a card of another seat.
            Assert.Empty(PrivacyCheck.Violations(clients));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }
}
