using System.Net;
using System.Net.WebSockets;
using Hokm.Audit;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Hosting;

/// <summary>Rooms survive the server: a new server on the same stores resumes them from Redis.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_game_interrupted_by_a_graceful_restart_resumes_when_players_reconnect_and_every_move_is_recorded_once()
    {
        var setup = await TestSetup.CreateAsync();
        var clients = new List<GameClient>();
        var tokens = new List<string>();
        var moves = 0;
        string room;
        await using (var first = await setup.StartServerAsync())
        {
            foreach (var name in new[] { "r0", "r1", "r2", "r3" })
            {
                var (client, _, token) = await TestSetup.ConnectGuestAsync(first, name);
                clients.Add(client);
                tokens.Add(token);
            }

            room = (await clients[0].RequestAsync("create_room", new() { ["targetScore"] = 2 })).Str("room")!;
            for (var i = 1; i < 4; i++)
            {
                await clients[i].RequestAsync("join_room", new() { ["room"] = room });
            }

            // Everyone stops when the sixth card of the game is played: nobody moves after it.
            Func<ServerFrame, bool> AtSixthCard()
            {
                var cards = 0;
                return f => f.Type == "card_played" && ++cards == 6;
            }

            Assert.All(await Tables.PlayAllAsync(clients.Select(static c => new TablePlayer(c)), AtSixthCard), Assert.Null);

            // Graceful stop: every socket is closed with 1001 (going away).
            await first.StopAsync();
            foreach (var client in clients)
            {
                Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await client.WaitClosedAsync());
            }

            moves = clients[0].Frames.Count(static f => f.Type is "card_played" or "trump_chosen");
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        // A new server on the same Redis, PostgreSQL and key prefix: players just reconnect.
        await using var second = await setup.StartServerAsync();
        clients.Clear();
        var players = new List<TablePlayer>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var client = await GameClient.ConnectAsync(second, tokens[i], $"r{i}-again");
                clients.Add(client);
                Assert.Equal("welcome", (await client.NextAsync()).Type);
                var joined = await client.NextAsync();
                Assert.Equal(("room_joined", room, i), (joined.Type, joined.Str("room"), joined.Int("seat")));
                var state = await client.NextAsync();
                Assert.Equal("state", state.Type);
                var player = new TablePlayer(client);
                await player.AcceptAsync(joined);
                players.Add(player);
            }

            // The table as it was: one trick of four and two cards of the next (6 cards in all).
            var states = clients.Select(static c => c.Frames[2]).ToArray();
            Assert.Equal(52 - 6, states.Sum(static s => s.Cards("hand").Count));
            Assert.All(states, static s => Assert.Equal(2, s.Json.GetProperty("trick").GetArrayLength()));
            for (var i = 0; i < 4; i++)
            {
                await players[i].AcceptAsync(states[i]);
            }

            var endings = await Tables.PlayAllAsync(players);
            var gameId = endings[0]!.Str("gameId")!;
            moves += clients[0].Frames.Count(static f => f.Type is "card_played" or "trump_chosen");
            await setup.WaitForMovesAsync(gameId, moves);
            Assert.Equal(moves, await setup.CountAsync("SELECT count(*) FROM moves WHERE game_id = @id", gameId));
            Assert.Equal(moves, await setup.CountAsync("SELECT max(seq) FROM moves WHERE game_id = @id", gameId));

            using var http = second.CreateClient();
            using var response = await http.GetAsync(new Uri($"/api/games/{gameId}/record", UriKind.Relative));
            var record = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, record);
            Assert.Empty(RecordAuditor.AuditRecord(record));
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
