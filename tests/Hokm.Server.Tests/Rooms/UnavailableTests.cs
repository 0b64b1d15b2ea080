using Hokm.Data;
using Hokm.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Server.Tests.Rooms;

/// <summary>A commit the store refuses is answered <c>unavailable</c> and applies nothing.</summary>
public sealed class UnavailableTests
{
    [Fact]
    public async Task A_move_whose_commit_hits_a_version_conflict_is_unavailable_and_the_room_reloads_unchanged()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "solo");
        await using var _ = client;
        var room = (await client.RequestAsync("create_room", new() { ["bots"] = 3, ["targetScore"] = 1 })).Str("room")!;

        // Play (trump included) until it is this seat's turn to play a card.
        var player = new TablePlayer(client);
        Assert.Null(await player.PlayAsync(static f => f.Type == "turn" && f.Int("seat") == 0 && f.Str("action") == "play_card"));
        var before = await client.SyncAsync();

        // Another writer (another node, say) commits first.
        var data = host.Services.GetRequiredService<IHybridDataLayer>();
        var stored = await data.GetGameSessionAsync(room);
        var bumped = await data.UpdateGameSessionAsync(room, stored!.Version, stored.Document);
        Assert.True(bumped.Committed);

        var legal = before.Cards("legal");
        var refused = await client.RequestAsync("play_card", new() { ["card"] = legal[0] });
        Assert.Equal(("error", "unavailable"), (refused.Type, refused.Code));
        var after = await client.SyncAsync();
        Assert.Equal(States.Comparable(before, "version"), States.Comparable(after, "version"));
        Assert.Equal(bumped.Version, after.Json.GetProperty("version").GetInt64());

        // The room took the store's state: the same move now goes through, and the game goes on.
        var played = await client.RequestAsync("play_card", new() { ["card"] = legal[0] });
        Assert.Equal("card_played", played.Type);
        client.Drain();
        await client.SendAsync("sync");
        Assert.Equal("game_over", (await new TablePlayer(client).PlayAsync())!.Type);
    }
}
