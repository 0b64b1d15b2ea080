using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hokm.Server.Tests.Auth;

/// <summary>GET /ws accepts a valid token as header or query parameter; anything else is refused with 401 before the upgrade.</summary>
public sealed class WebSocketAuthenticationTests
{
    [Fact]
    public async Task A_token_from_guest_sign_in_opens_the_socket_as_header_or_query_parameter()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();
        var guest = await (await client.PostJsonAsync("/api/auth/guest", new { name = "Socket" })).ReadAuthAsync();

        using (var byHeader = new ClientWebSocket())
        {
            byHeader.Options.SetRequestHeader("Authorization", $"Bearer {guest.Token}");
            await byHeader.ConnectAsync(host.Host.WebSocketUri, CancellationToken.None);
            Assert.Equal(WebSocketState.Open, byHeader.State);
            await byHeader.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        using var byQuery = new ClientWebSocket();
        await byQuery.ConnectAsync(new Uri($"{host.Host.WebSocketUri}?access_token={Uri.EscapeDataString(guest.Token)}"), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, byQuery.State);
        await byQuery.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task No_garbage_forged_or_expired_token_gets_an_upgrade()
    {
        await using var host = await AuthServer.StartAsync();
        var now = DateTime.UtcNow;
        var refused = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["garbage"] = "garbage",
            ["forged"] = Token("another-key-of-enough-length-0123456789-abcdef", now, now.AddHours(1)),
            ["expired"] = Token(AuthServer.SigningKey, now.AddDays(-8), now.AddDays(-1)),
        };

        foreach (var (what, token) in refused)
        {
            using var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            if (token is not null)
            {
                socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
            }

            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.Host.WebSocketUri, CancellationToken.None));
            Assert.True(socket.HttpStatusCode == HttpStatusCode.Unauthorized, $"{what}: {socket.HttpStatusCode}");
        }
    }

    private static string Token(string key, DateTime issued, DateTime expires) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "hokm",
        Audience = "hokm",
        IssuedAt = issued,
        NotBefore = issued,
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        Claims = new Dictionary<string, object> { ["sub"] = "guest-0123456789abcdef", ["name"] = "Mallory", ["guest"] = true },
    });
}
