using System.Net;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Tests.Hosting;

namespace Hokm.Server.Tests.Auth;

/// <summary>Accounts are written through: with PostgreSQL down, sign-up is a 503 problem and nothing is half-created.</summary>
public sealed class StoreOutageTests
{
    [Fact]
    public async Task With_postgresql_stopped_guest_register_and_login_answer_503_and_no_account_is_left_behind()
    {
        var redis = await TestServers.GetRedisAsync();
        await using var postgres = await TestServers.StartDedicatedPostgresAsync();
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
            ["HokmData:KeyPrefix"] = RedisTestServer.NewKeyPrefix(),
            ["HokmData:Embedded:DataDirectory"] = AuthServer.NewDataDirectory(),
            ["Hokm:Auth:SigningKey"] = AuthServer.SigningKey,
            ["Hokm:Auth:RateLimit:Enabled"] = "false",
        });
        using var client = host.CreateClient();
        var username = AuthServer.NewUsername();
        using (var before = await client.PostJsonAsync("/api/auth/guest", new { name = "before" }))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await postgres.StopAsync();

        using (var guest = await client.PostJsonAsync("/api/auth/guest", new { name = "during" }))
        {
            await AssertUnavailableAsync(guest);
        }

        using (var register = await client.RegisterAsync(username, "correct horse battery"))
        {
            await AssertUnavailableAsync(register);
        }

        using (var login = await client.LoginAsync(username, "correct horse battery"))
        {
            await AssertUnavailableAsync(login);
        }

        await postgres.StartAsync();

        // The failed registration left no row: the same username can be taken now (a pooled
        // connection broken by the restart may cost one more 503 first).
        HttpStatusCode status = default;
        await Poll.UntilAsync(
            "registration after PostgreSQL restarted",
            async _ =>
            {
                using var response = await client.RegisterAsync(username, "correct horse battery");
                status = response.StatusCode;
                return status != HttpStatusCode.ServiceUnavailable;
            },
            TimeSpan.FromSeconds(60),
            () => postgres.Diagnostics(),
            CancellationToken.None);
        Assert.Equal(HttpStatusCode.Created, status);
        using var signedIn = await client.LoginAsync(username, "correct horse battery");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("unavailable", problem.GetProperty("code").GetString());
    }
}
