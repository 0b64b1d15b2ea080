using System.Net;

namespace Hokm.Server.Tests.Auth;

/// <summary>Per-IP limits on the auth endpoints: 429 problem with Retry-After past the limit.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Logins_past_the_limit_in_one_window_are_refused_with_429_and_retry_after()
    {
        await using var host = await AuthServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hokm:Auth:RateLimit:CredentialPermitLimit"] = "3",
            ["Hokm:Auth:RateLimit:Window"] = "01:00:00",
        });
        using var client = host.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.LoginAsync("nobody_" + i, "whatever password");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var refused = await client.LoginAsync("nobody_3", "whatever password");
        using var registerRefused = await client.RegisterAsync(AuthServer.NewUsername(), "whatever password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal(429, (await refused.ReadProblemAsync()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, registerRefused.StatusCode);
    }

    [Fact]
    public async Task Guest_sign_ins_have_their_own_limit()
    {
        await using var host = await AuthServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hokm:Auth:RateLimit:GuestPermitLimit"] = "2",
            ["Hokm:Auth:RateLimit:CredentialPermitLimit"] = "2",
            ["Hokm:Auth:RateLimit:Window"] = "01:00:00",
        });
        using var client = host.CreateClient();

        using var first = await client.PostJsonAsync("/api/auth/guest", new { name = "a" });
        using var second = await client.PostJsonAsync("/api/auth/guest", new { name = "b" });
        using var third = await client.PostJsonAsync("/api/auth/guest", new { name = "c" });
        using var login = await client.LoginAsync("nobody", "whatever password");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Limits_can_be_switched_off()
    {
        await using var host = await AuthServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hokm:Auth:RateLimit:Enabled"] = "false",
            ["Hokm:Auth:RateLimit:CredentialPermitLimit"] = "1",
        });
        using var client = host.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            using var response = await client.LoginAsync("nobody", "whatever password");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
