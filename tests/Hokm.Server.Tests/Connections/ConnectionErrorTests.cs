using System.Net.WebSockets;
using System.Text;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Connections;

/// <summary>
/// Errors of the socket itself: each is produced by what should produce it, and changes nothing
/// (the room's <c>state</c> is the same before and after). Only a too-large frame (1009) and
/// repeated rate-limit violations (1008) close the socket.
/// </summary>
public sealed class ConnectionErrorTests
{
    [Fact]
    public async Task Bad_json_unknown_types_and_invalid_fields_are_answered_and_change_nothing()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "typo");
        await using var _ = client;
        await client.RequestAsync("create_room", new Dictionary<string, object?> { ["bots"] = 1 });
        var before = States.Comparable(await client.SyncAsync());

        await client.SendTextAsync("this is not json");
        Assert.Equal("bad_json", (await client.WaitForAsync("error")).Code);
        await client.SendTextAsync("[\"play_card\"]");
        Assert.Equal("bad_json", (await client.WaitForAsync("error")).Code);
        await client.SendBinaryAsync(Encoding.UTF8.GetBytes("""{"type":"ping"}"""));
        Assert.Equal("bad_json", (await client.WaitForAsync("error")).Code);

        await client.SendTextAsync("""{"type":"fold","id":"u1"}""");
        var unknown = await client.WaitForAsync("error");
        Assert.Equal(("unknown_type", "u1"), (unknown.Code, unknown.ReplyTo));

        foreach (var invalid in new[]
        {
            """{"id":"f1"}""",
            """{"type":"play_card","id":"f1"}""",
            """{"type":"play_card","card":"1S","id":"f1"}""",
            """{"type":"choose_trump","suit":"X","id":"f1"}""",
            """{"type":"create_room","bots":4,"id":"f1"}""",
            """{"type":"join_room","room":"short","id":"f1"}""",
        })
        {
            await client.SendTextAsync(invalid);
            var error = await client.WaitForAsync("error");
            Assert.Equal(("invalid_field", "f1"), (error.Code, error.ReplyTo));
        }

        await client.SendTextAsync($$"""{"type":"sync","id":"{{new string('x', 65)}}"}""");
        Assert.Equal("invalid_field", (await client.WaitForAsync("error")).Code);

        Assert.Equal(before, States.Comparable(await client.SyncAsync()));
        Assert.Null(client.CloseStatus);
    }

    [Fact]
    public async Task A_frame_over_4_KiB_is_message_too_large_and_closes_with_1009()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var (client, _, token) = await TestSetup.ConnectGuestAsync(host, "verbose");
        await client.RequestAsync("create_room");
        var before = States.Comparable(await client.SyncAsync());

        await client.SendTextAsync($$"""{"type":"play_card","card":"AS","pad":"{{new string('x', 4200)}}"}""");
        Assert.Equal("message_too_large", (await client.WaitForAsync("error")).Code);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.WaitClosedAsync());
        await client.DisposeAsync();

        await using var again = await GameClient.ConnectAsync(host, token, "again");
        Assert.Equal("welcome", (await again.NextAsync()).Type);
        Assert.Equal("room_joined", (await again.NextAsync()).Type);
        await again.NextAsync();
        Assert.Equal(before, States.Comparable(await again.SyncAsync()));
    }

    [Fact]
    public async Task Too_many_messages_are_rate_limited_unseen_and_repeated_violations_close_with_1008()
    {
        // A burst of 4 and practically no refill: the budget is create_room, sync and two pings.
        var setup = await TestSetup.CreateAsync(new Dictionary<string, string?>
        {
            ["Hokm:Connections:MessagesPerSecond"] = "0.01",
            ["Hokm:Connections:Burst"] = "4",
            ["Hokm:Connections:MaxRateViolations"] = "3",
        });
        await using var host = await setup.StartServerAsync();
        var (client, _, token) = await TestSetup.ConnectGuestAsync(host, "spammer");
        await client.RequestAsync("create_room");
        var before = States.Comparable(await client.SyncAsync());
        Assert.Equal("pong", (await client.RequestAsync("ping")).Type);
        Assert.Equal("pong", (await client.RequestAsync("ping")).Type);

        // Over budget: refused without being looked at (none of these bots is added).
        await client.SendAsync("add_bot");
        Assert.Equal("rate_limited", (await client.WaitForAsync("error")).Code);
        for (var i = 0; i < 8 && client.CloseStatus is null; i++)
        {
            await client.SendTextAsync("""{"type":"add_bot"}""");
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.WaitClosedAsync());
        Assert.DoesNotContain(client.Frames, static f => f.Type == "player_joined");
        await client.DisposeAsync();

        await using var again = await GameClient.ConnectAsync(host, token, "again");
        Assert.Equal("welcome", (await again.NextAsync()).Type);
        Assert.Equal("room_joined", (await again.NextAsync()).Type);
        Assert.Equal(before, States.Comparable(await again.NextAsync()));
    }
}
