using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Rooms;

/// <summary>Reconnection needs no special message: a new socket with the same token gets its seat back.</summary>
public sealed class ReconnectionTests
{
    [Fact]
    public async Task A_client_dropped_mid_trick_reconnects_with_its_hand_and_the_table_and_the_game_completes()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var clients = new List<GameClient>();
        var tokens = new List<string>();
        try
        {
            foreach (var name in new[] { "n0", "n1", "n2", "n3" })
            {
                var (client, _, token) = await TestSetup.ConnectGuestAsync(host, name);
                clients.Add(client);
                tokens.Add(token);
            }

            var room = (await clients[0].RequestAsync("create_room", new() { ["targetScore"] = 1 })).Str("room")!;
            for (var i = 1; i < 4; i++)
            {
                await clients[i].RequestAsync("join_room", new() { ["room"] = room });
            }

            // Seat 2 drops when it is to play into a trick that already has cards on the table.
            var onTable = 0;
            bool MidTrickTurnOfSeat2(ServerFrame f)
            {
                onTable = f.Type switch
                {
                    "card_played" => onTable + 1,
                    "trick_won" or "hakem_chosen" => 0,
                    _ => onTable,
                };
                return f.Type == "turn" && f.Int("seat") == 2 && f.Str("action") == "play_card" && onTable > 0;
            }

            var others = new[] { 0, 1, 3 }.Select(i => new TablePlayer(clients[i]).PlayAsync()).ToArray();
            var dropping = new TablePlayer(clients[2]);
            Assert.Null(await dropping.PlayAsync(MidTrickTurnOfSeat2));
            var frames = clients[2].Frames;
            var lastTrickWon = frames.Select((f, i) => (f, i)).LastOrDefault(static x => x.f.Type is "trick_won" or "hakem_chosen").i;
            var table = frames.Skip(lastTrickWon).Where(static f => f.Type == "card_played").Select(static f => f.Str("card")).ToList();
            clients[2].Abort();
            await clients[2].DisposeAsync();

            var back = await GameClient.ConnectAsync(host, tokens[2], "n2-again");
            clients[2] = back;
            Assert.Equal("welcome", (await back.NextAsync()).Type);
            var joined = await back.NextAsync();
            Assert.Equal(("room_joined", room, 2), (joined.Type, joined.Str("room"), joined.Int("seat")));
            var state = await back.NextAsync();
            Assert.Equal("state", state.Type);
            Assert.Equal("playing", state.Str("phase"));
            Assert.Equal(2, state.Int("turn"));
            Assert.Equal(dropping.Hand.Order(), state.Cards("hand").Order());
            Assert.Equal(table, state.Json.GetProperty("trick").EnumerateArray().Select(static t => t.GetProperty("card").GetString()).ToList());
            Assert.NotEmpty(state.Cards("legal"));

            var resumed = new TablePlayer(back);
            await resumed.AcceptAsync(joined);
            await resumed.AcceptAsync(state);
            var ending = await resumed.PlayAsync();
            Assert.Equal("game_over", ending!.Type);
            foreach (var other in others)
            {
                Assert.Equal("game_over", (await other)!.Type);
            }

            Assert.Contains(clients[0].Frames, static f => f.Type == "player_disconnected" && f.Int("seat") == 2);
            Assert.Contains(clients[0].Frames, static f => f.Type == "player_reconnected" && f.Int("seat") == 2);
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
