using System.Net;
using System.Net.WebSockets;
using Hokm.Server.Tests.Hosting;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Connections;

/// <summary><c>GET /ws</c>: authentication, origins, one socket per player, ping, idle timeout.</summary>
public sealed class WebSocketEndpointTests
{
    [Fact]
    public async Task An_upgrade_without_a_valid_token_is_refused_with_401()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedStatusAsync(host, socket => { }));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedStatusAsync(host, socket => socket.Options.SetRequestHeader("Authorization", "Bearer not-a-token")));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedStatusAsync(host, socket => { }, "?access_token=forged"));
    }

    [Fact]
    public async Task The_token_is_taken_from_the_header_or_the_access_token_query_and_welcome_comes_first()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var (playerId, token) = await TestSetup.GuestAsync(host, "quinn");

        await using var viaQuery = await GameClient.ConnectAsync(host, token, "query", tokenInQuery: true);
        var welcome = await viaQuery.NextAsync();
        Assert.Equal("welcome", welcome.Type);
        Assert.Equal(playerId, welcome.Str("playerId"));
        Assert.Equal("quinn", welcome.Str("name"));
        Assert.Equal(1, welcome.Int("protocol"));
        Assert.True(welcome.Json.GetProperty("serverTime").TryGetDateTimeOffset(out _));

        var pong = await viaQuery.RequestAsync("ping");
        Assert.Equal("pong", pong.Type);
        Assert.True(pong.Json.GetProperty("serverTime").TryGetDateTimeOffset(out _));
    }

    [Fact]
    public async Task A_second_connection_of_the_same_player_closes_the_first_with_4001_and_takes_over_the_seat()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var (_, token) = await TestSetup.GuestAsync(host, "twice");
        await using var first = await GameClient.ConnectAsync(host, token, "first");
        Assert.Equal("welcome", (await first.NextAsync()).Type);
        var created = await first.RequestAsync("create_room");
        var room = created.Str("room");

        await using var second = await GameClient.ConnectAsync(host, token, "second");
        Assert.Equal((WebSocketCloseStatus)4001, await first.WaitClosedAsync());
        Assert.Equal("welcome", (await second.NextAsync()).Type);
        var joined = await second.NextAsync();
        Assert.Equal("room_joined", joined.Type);
        Assert.Equal(room, joined.Str("room"));
        var state = await second.NextAsync();
        Assert.Equal("state", state.Type);
        Assert.Equal(room, state.Str("room"));
        Assert.Equal("pong", (await second.RequestAsync("ping")).Type);
    }

    [Fact]
    public async Task Origins_outside_the_allowed_list_are_refused_and_listed_ones_accepted()
    {
        var setup = await TestSetup.CreateAsync(new Dictionary<string, string?> { ["Hokm:AllowedOrigins:0"] = "https://hokm.example" });
        await using var host = await setup.StartServerAsync();
        var (_, token) = await TestSetup.GuestAsync(host, "origin");

        Assert.Equal(HttpStatusCode.Forbidden, await RefusedStatusAsync(host, socket =>
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
            socket.Options.SetRequestHeader("Origin", "https://evil.example");
        }));
        await using var allowed = await GameClient.ConnectAsync(host, token, "allowed", origin: "https://hokm.example");
        Assert.Equal("welcome", (await allowed.NextAsync()).Type);
    }

    [Fact]
    public async Task A_silent_socket_is_closed_after_the_idle_timeout()
    {
        var setup = await TestSetup.CreateAsync(new Dictionary<string, string?> { ["Hokm:Connections:IdleTimeout"] = "00:00:01" });
        await using var host = await setup.StartServerAsync();
        var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "sleepy");
        await using (client)
        {
            Assert.Equal(WebSocketCloseStatus.NormalClosure, await client.WaitClosedAsync(TimeSpan.FromSeconds(30)));
        }
    }

    private static async Task<HttpStatusCode> RefusedStatusAsync(ServerHost host, Action<ClientWebSocket> configure, string query = "")
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure(socket);
        using var timeout = new CancellationTokenSource(GameClient.DefaultTimeout);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(host.WebSocketUri + query), timeout.Token));
        return socket.HttpStatusCode;
    }
}
