using System.Net;
using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Server.Tests.Auth;

/// <summary>POST /api/auth/login: 200 or 401 (never saying which part was wrong), and lockout.</summary>
public sealed class LoginTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task The_right_password_signs_in_with_the_username_in_any_case()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();
        var username = "Kaveh_" + Guid.NewGuid().ToString("N")[..8];
        using var registered = await client.RegisterAsync(username, Password, "Kaveh");
        var account = await registered.ReadAuthAsync();

        using var response = await client.LoginAsync(username.ToLowerInvariant(), Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadAuthAsync();
        Assert.Equal(account.PlayerId, body.PlayerId);
        Assert.Equal("Kaveh", body.Name);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();
        var username = AuthServer.NewUsername();
        (await client.RegisterAsync(username, Password)).Dispose();

        using var wrongPassword = await client.LoginAsync(username, "not the password");
        using var unknownUser = await client.LoginAsync(AuthServer.NewUsername(), Password);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        var first = await wrongPassword.ReadProblemAsync();
        var second = await unknownUser.ReadProblemAsync();
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_login_without_a_username_or_password_is_a_400_problem()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostJsonAsync("/api/auth/login", new { username = "someone" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task After_the_configured_number_of_failures_even_the_right_password_is_refused()
    {
        await using var host = await AuthServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hokm:Auth:MaxFailedLogins"] = "3",
            ["Hokm:Auth:LockoutDuration"] = "01:00:00",
        });
        using var client = host.CreateClient();
        var username = AuthServer.NewUsername();
        var account = await (await client.RegisterAsync(username, Password)).ReadAuthAsync();

        for (var i = 0; i < 3; i++)
        {
            using var failed = await client.LoginAsync(username, "wrong password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await client.LoginAsync(username, Password);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var row = await host.Services.GetRequiredService<IPlayerAccountStore>().FindByIdAsync(account.PlayerId);
        Assert.NotNull(row?.LockedUntil);
        Assert.True(row.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(50), $"locked until {row.LockedUntil}");
    }

    [Fact]
    public async Task A_successful_login_clears_earlier_failures()
    {
        await using var host = await AuthServer.StartAsync(new Dictionary<string, string?> { ["Hokm:Auth:MaxFailedLogins"] = "3" });
        using var client = host.CreateClient();
        var username = AuthServer.NewUsername();
        (await client.RegisterAsync(username, Password)).Dispose();

        for (var round = 0; round < 2; round++)
        {
            (await client.LoginAsync(username, "wrong 1")).Dispose();
            (await client.LoginAsync(username, "wrong 2")).Dispose();
            using var ok = await client.LoginAsync(username, Password);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
    }

    [Fact]
    public async Task Sign_in_works_again_once_the_lockout_has_passed()
    {
        await using var host = await AuthServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hokm:Auth:MaxFailedLogins"] = "2",
            ["Hokm:Auth:LockoutDuration"] = "00:00:01",
        });
        using var client = host.CreateClient();
        var username = AuthServer.NewUsername();
        (await client.RegisterAsync(username, Password)).Dispose();
        (await client.LoginAsync(username, "wrong 1")).Dispose();
        (await client.LoginAsync(username, "wrong 2")).Dispose();

        // Bounded wait for the one-second lock to pass; a locked attempt does not extend it.
        await Poll.UntilAsync(
            "sign-in after the lockout",
            async ct =>
            {
                using var response = await client.LoginAsync(username, Password);
                return response.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(30),
            static () => "the account stayed locked",
            CancellationToken.None);
    }
}
