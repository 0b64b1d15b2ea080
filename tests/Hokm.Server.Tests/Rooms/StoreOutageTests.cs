using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Rooms;

/// <summary>
/// When the stores fail: a move that cannot be committed is <c>unavailable</c> and applies nothing;
/// a game whose result cannot be written through is announced only once it is stored.
/// </summary>
public sealed class StoreOutageTests
{
    [Fact]
    public async Task A_move_while_both_stores_are_down_is_unavailable_applies_nothing_and_the_game_goes_on_when_they_return()
    {
        await using var redis = await TestServers.StartDedicatedRedisAsync();
        await using var postgres = await TestServers.StartDedicatedPostgresAsync();
        var setup = await TestSetup.CreateAsync(redis, postgres);
        await using var host = await setup.StartServerAsync();
        var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "unlucky");
        await using var _ = client;
        await client.RequestAsync("create_room", new() { ["bots"] = 3, ["targetScore"] = 1 });
        Assert.Null(await new TablePlayer(client).PlayAsync(static f => f.Type == "turn" && f.Int("seat") == 0 && f.Str("action") == "play_card"));
        var before = await client.SyncAsync();
        var card = before.Cards("legal")[0];

        await redis.StopAsync();
        await postgres.StopAsync();
        var refused = await client.RequestAsync("play_card", new() { ["card"] = card }, TimeSpan.FromSeconds(120));
        Assert.Equal(("error", "unavailable"), (refused.Type, refused.Code));
        Assert.Equal(States.Comparable(before), States.Comparable(await client.SyncAsync()));

        await redis.StartAsync();
        await postgres.StartAsync();
        ServerFrame? played = null;
        for (var attempt = 0; attempt < 60 && played is null; attempt++)
        {
            var reply = await client.RequestAsync("play_card", new() { ["card"] = card }, TimeSpan.FromSeconds(120));
            if (reply.Type == "card_played")
            {
                played = reply;
            }
            else
            {
                Assert.Equal("unavailable", reply.Code);
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }

        Assert.NotNull(played);
        client.Drain();
        await client.SendAsync("sync");
        Assert.Equal("game_over", (await new TablePlayer(client).PlayAsync())!.Type);
    }

    [Fact]
    public async Task While_postgresql_is_down_the_end_of_the_game_is_unavailable_and_game_over_comes_once_it_is_stored()
    {
        await using var postgres = await TestServers.StartDedicatedPostgresAsync();
        var setup = await TestSetup.CreateAsync(await TestServers.GetRedisAsync(), postgres, new Dictionary<string, string?>
        {
            ["Hokm:Rooms:CompletionAttempts"] = "2",
            ["Hokm:Rooms:CompletionRetryInterval"] = "00:00:00.200",
        });
        await using var host = await setup.StartServerAsync();
        var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "patient");
        await using var _ = client;
        await client.RequestAsync("create_room", new() { ["bots"] = 3, ["targetScore"] = 1 });

        // Play goes on through Redis; the write-through completion cannot.
        await postgres.StopAsync();
        var player = new TablePlayer(client);
        Assert.Null(await player.PlayAsync(static f => f.Type == "error" && f.Code == "unavailable", TimeSpan.FromSeconds(120)));
        Assert.DoesNotContain(client.Frames, static f => f.Type == "game_over");
        Assert.Equal("hand_over", (await client.SyncAsync()).Str("phase"));

        await postgres.StartAsync();
        var tolerant = new TablePlayer(client, "unavailable");
        var over = await tolerant.PlayAsync(perFrame: TimeSpan.FromSeconds(120));
        var gameId = over!.Str("gameId")!;
        Assert.Equal(1, await setup.CountAsync("SELECT count(*) FROM games WHERE id = @id AND status = 'finished'", gameId));
        Assert.Equal("game_over", (await client.SyncAsync()).Str("phase"));
    }
}
