using System.Net;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Rooms;

/// <summary>Quick match, add_bot and leave_room.</summary>
public sealed class SeatingTests
{
    [Fact]
    public async Task Quick_match_seats_players_in_the_oldest_waiting_public_room()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var (a, _, _) = await TestSetup.ConnectGuestAsync(host, "qa");
        var (b, _, _) = await TestSetup.ConnectGuestAsync(host, "qb");
        var (c, _, _) = await TestSetup.ConnectGuestAsync(host, "qc");
        await using var _a = a;
        await using var _b = b;
        await using var _c = c;

        var first = await a.RequestAsync("quick_match");
        Assert.Equal(("room_joined", 0), (first.Type, first.Int("seat")));
        Assert.True(first.Json.GetProperty("public").GetBoolean());
        var second = await b.RequestAsync("quick_match");
        Assert.Equal((first.Str("room"), 1), (second.Str("room"), second.Int("seat")));
        var joined = await a.WaitForAsync("player_joined");
        Assert.Equal((1, "qb", false), (joined.Int("seat"), joined.Str("name"), joined.Json.GetProperty("bot").GetBoolean()));

        // A private room is never offered to quick match.
        var (d, _, _) = await TestSetup.ConnectGuestAsync(host, "qd");
        await using var _d = d;
        var privateRoom = await d.RequestAsync("create_room");
        Assert.False(privateRoom.Json.GetProperty("public").GetBoolean());

        var left = await a.RequestAsync("leave_room");
        Assert.Equal(("player_left", 0), (left.Type, left.Int("seat")));
        Assert.Equal("player_left", (await b.WaitForAsync("player_left")).Type);
        var third = await c.RequestAsync("quick_match");
        Assert.Equal((first.Str("room"), 0), (third.Str("room"), third.Int("seat")));
    }

    [Fact]
    public async Task Add_bot_fills_a_seat_and_the_fourth_seat_starts_the_game()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "botmaster");
        await using var _ = client;
        await client.RequestAsync("create_room", new() { ["bots"] = 1, ["targetScore"] = 1 });
        var bot = await client.RequestAsync("add_bot");
        Assert.Equal(("player_joined", 2, true), (bot.Type, bot.Int("seat"), bot.Json.GetProperty("bot").GetBoolean()));
        Assert.Equal("waiting", (await client.SyncAsync()).Str("phase"));
        await client.RequestAsync("add_bot");
        Assert.Equal("hakem_chosen", (await client.WaitForAsync("hakem_chosen")).Type);
        Assert.Equal(5, (await client.WaitForAsync("cards_dealt")).Cards("cards").Count);
    }

    [Fact]
    public async Task A_player_who_leaves_during_the_game_is_replaced_by_a_bot_and_the_game_still_ends_on_record()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "quitter");
        await using var _ = client;
        await client.RequestAsync("create_room", new() { ["bots"] = 3, ["targetScore"] = 1 });
        var state = await client.SyncAsync();
        var gameId = state.Str("gameId")!;

        var left = await client.RequestAsync("leave_room");
        Assert.Equal(("player_left", 0), (left.Type, left.Int("seat")));
        Assert.Null((await client.SyncAsync()).Str("room"));
        Assert.Equal("room_joined", (await client.RequestAsync("create_room")).Type);

        // Four bots finish the game: its record appears.
        using var http = host.CreateClient();
        HttpStatusCode status = 0;
        await Hokm.Data.Tests.Infrastructure.Poll.UntilAsync(
            "the record of the game the bots finished",
            async ct =>
            {
                using var response = await http.GetAsync(new Uri($"/api/games/{gameId}/record", UriKind.Relative), ct);
                status = response.StatusCode;
                return status == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(60),
            () => $"last status {status}",
            CancellationToken.None);
        Assert.Equal(1, await setup.CountAsync("SELECT count(*) FROM game_players WHERE game_id = @id AND NOT is_bot", gameId));
    }
}
