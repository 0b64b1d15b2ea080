using System.Text.Json;
using Hokm.Data;
using Hokm.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Server.Tests.Rooms;

/// <summary>The data layer's reconnection data carries the seat's own view of the stored room, and nothing more.</summary>
public sealed class SeatViewRedactorTests
{
    [Fact]
    public async Task Reconnection_data_holds_the_players_own_state_without_other_hands_or_the_seed()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var (client, playerId, _) = await TestSetup.ConnectGuestAsync(host, "viewer");
        await using var _ = client;
        var room = (await client.RequestAsync("create_room", new() { ["bots"] = 3, ["targetScore"] = 1 })).Str("room")!;

        // Nothing moves while the game waits for this player's card.
        Assert.Null(await new TablePlayer(client).PlayAsync(static f => f.Type == "turn" && f.Int("seat") == 0 && f.Str("action") == "play_card"));
        var state = await client.SyncAsync();

        var data = host.Services.GetRequiredService<IHybridDataLayer>();
        var reconnection = await data.GetPlayerReconnectionDataAsync(playerId);
        Assert.NotNull(reconnection);
        Assert.Equal((room, 0), (reconnection.Room, reconnection.Seat));
        var view = ServerFrame.Parse(reconnection.View!);
        Assert.Equal("state", view.Type);
        Assert.Equal(state.Cards("hand"), view.Cards("hand"));
        Assert.Equal(state.Str("gameId"), view.Str("gameId"));

        var stored = (await data.GetGameSessionAsync(room))!.Document;
        using var document = JsonDocument.Parse(stored);
        var seed = document.RootElement.GetProperty("game").GetProperty("seed").GetString()!;
        Assert.DoesNotContain(seed, reconnection.View, StringComparison.Ordinal);
        var allCards = document.RootElement.GetProperty("game").GetProperty("hands").EnumerateArray()
            .SelectMany(static h => h.EnumerateArray().Select(static c => c.GetString()!)).ToHashSet();
        var others = allCards.Except(view.Cards("hand")).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, c => Assert.DoesNotContain($"\"{c}\"", reconnection.View, StringComparison.Ordinal));
    }
}
