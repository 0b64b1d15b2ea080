using System.Net;
using Hokm.Audit;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Rooms;

/// <summary>Turn timeouts and the disconnect grace: the server plays for a seat and the game goes on.</summary>
public sealed class TimerTests
{
    [Fact]
    public async Task A_player_who_never_moves_is_played_for_on_timeout_and_the_game_ends()
    {
        var setup = await TestSetup.CreateAsync(new Dictionary<string, string?> { ["Hokm:Rooms:TurnTimeout"] = "00:00:00.200" });
        await using var host = await setup.StartServerAsync();
        var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "afk");
        await using var _ = client;
        await client.RequestAsync("create_room", new() { ["bots"] = 3, ["targetScore"] = 1 });

        // The client sends nothing at all from here on.
        var over = await client.WaitForAsync("game_over", timeout: TimeSpan.FromSeconds(90));
        var frames = client.Frames;
        Assert.Contains(frames, static f => f.Type == "card_played" && f.Int("seat") == 0 && f.Json.GetProperty("auto").GetBoolean());
        Assert.DoesNotContain(frames, static f => f.Type == "card_played" && f.Int("seat") != 0 && f.Json.GetProperty("auto").GetBoolean());
        foreach (var trump in frames.Where(static f => f.Type == "trump_chosen"))
        {
            Assert.Equal(trump.Int("seat") == 0, trump.Json.GetProperty("auto").GetBoolean());
        }

        // Automatic moves are recorded as such and the record still passes the audit.
        var gameId = over.Str("gameId")!;
        await setup.WaitForMovesAsync(gameId, frames.Count(static f => f.Type is "card_played" or "trump_chosen"));
        Assert.True(await setup.CountAsync("SELECT count(*) FROM moves WHERE game_id = @id AND seat = 0 AND auto", gameId) > 0);
        using var http = host.CreateClient();
        using var response = await http.GetAsync(new Uri($"/api/games/{gameId}/record", UriKind.Relative));
        var record = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, record);
        Assert.Empty(RecordAuditor.AuditRecord(record));
    }

    [Fact]
    public async Task After_the_disconnect_grace_a_bot_plays_the_seat_until_the_player_returns()
    {
        // The turn limit is far beyond the test's bounds: only the grace can make seat 0 move.
        var setup = await TestSetup.CreateAsync(new Dictionary<string, string?>
        {
            ["Hokm:Rooms:TurnTimeout"] = "01:00:00",
            ["Hokm:Rooms:DisconnectGrace"] = "00:00:00.300",
        });
        await using var host = await setup.StartServerAsync();
        var (leaver, _, token) = await TestSetup.ConnectGuestAsync(host, "leaver");
        var (watcher, _, _) = await TestSetup.ConnectGuestAsync(host, "watcher");
        await using var _ = watcher;
        var room = (await leaver.RequestAsync("create_room", new() { ["bots"] = 2, ["targetScore"] = 1 })).Str("room")!;
        Assert.Equal("room_joined", (await watcher.RequestAsync("join_room", new() { ["room"] = room })).Type);

        leaver.Abort();
        await leaver.DisposeAsync();
        ServerFrame? automatic = null;
        var watching = new TablePlayer(watcher);
        Assert.Null(await watching.PlayAsync(f => (automatic = f.Type == "card_played" && f.Int("seat") == 0 ? f : null) is not null, TimeSpan.FromSeconds(60)));
        Assert.Contains(watcher.Frames, static f => f.Type == "player_disconnected" && f.Int("seat") == 0);
        Assert.True(automatic!.Json.GetProperty("auto").GetBoolean());

        await using var back = await GameClient.ConnectAsync(host, token, "back");
        Assert.Equal("welcome", (await back.NextAsync()).Type);
        Assert.Equal("room_joined", (await back.NextAsync()).Type);
        Assert.Equal("state", (await back.NextAsync()).Type);
        await back.SendAsync("sync");
        var returned = new TablePlayer(back).PlayAsync();

        // The watcher still has to act on the frame it stopped at; a fresh sync restarts it cleanly.
        watcher.Drain();
        await watcher.SendAsync("sync");
        var watched = await new TablePlayer(watcher).PlayAsync();
        Assert.Equal("game_over", watched!.Type);
        Assert.Equal("game_over", (await returned)!.Type);
        Assert.Contains(watcher.Frames, static f => f.Type == "player_reconnected" && f.Int("seat") == 0);
    }
}
