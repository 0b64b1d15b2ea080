using System.Net;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Tests.Auth;
using Hokm.Server.Tests.Hosting;

namespace Hokm.Server.Tests.Operations;

/// <summary>/health, /health/ready and /health/live while the real stores are stopped and started.</summary>
public sealed class HealthEndpointTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Health_reports_each_store_and_follows_them_down_and_back_up()
    {
        await using var redis = await TestServers.StartDedicatedRedisAsync();
        await using var postgres = await TestServers.StartDedicatedPostgresAsync();
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
            ["HokmData:Embedded:DataDirectory"] = AuthServer.NewDataDirectory(),
            ["Hokm:Auth:SigningKey"] = AuthServer.SigningKey,
        });
        using var client = host.CreateClient();
        string Diagnostics() => $"{redis.Diagnostics()}{Environment.NewLine}{postgres.Diagnostics()}";

        var healthy = await WaitForAsync(client, "/health", static p => p.Status == "healthy", Diagnostics);
        Assert.Equal(HttpStatusCode.OK, healthy.Code);
        foreach (var part in new[] { "redis", "postgresql", "sync" })
        {
            Assert.Equal("healthy", healthy.Part(part));
            Assert.False(string.IsNullOrEmpty(healthy.Body.GetProperty(part).GetProperty("description").GetString()));
        }

        Assert.True(healthy.Body.GetProperty("redis").GetProperty("latencyMs").GetDouble() >= 0);
        Assert.True(healthy.Body.GetProperty("postgresql").GetProperty("latencyMs").GetDouble() >= 0);

        // Redis down: degraded (play goes on through PostgreSQL), still 200 and ready.
        await redis.StopAsync();
        var noRedis = await WaitForAsync(client, "/health", static p => p.Part("redis") == "unhealthy", Diagnostics);
        Assert.Equal(HttpStatusCode.OK, noRedis.Code);
        Assert.Equal("degraded", noRedis.Status);
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(client, "/health/live")).Code);
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(client, "/health/ready")).Code);

        await redis.StartAsync();
        await WaitForAsync(client, "/health", static p => p.Status == "healthy", Diagnostics);

        // PostgreSQL down: degraded (play goes on through Redis).
        await postgres.StopAsync();
        var noPostgres = await WaitForAsync(client, "/health", static p => p.Part("postgresql") == "unhealthy", Diagnostics);
        Assert.Equal(HttpStatusCode.OK, noPostgres.Code);
        Assert.Equal("degraded", noPostgres.Status);
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(client, "/health/live")).Code);

        await postgres.StartAsync();
        await WaitForAsync(client, "/health", static p => p.Status == "healthy", Diagnostics);

        // Both down: unhealthy, 503, not ready — but the process is alive.
        await redis.StopAsync();
        await postgres.StopAsync();
        var nothing = await WaitForAsync(client, "/health", static p => p.Status == "unhealthy", Diagnostics);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, nothing.Code);
        Assert.Equal("unhealthy", nothing.Part("redis"));
        Assert.Equal("unhealthy", nothing.Part("postgresql"));
        var notReady = await HealthProbe.GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.Code);
        Assert.Equal("unhealthy", notReady.Status);
        var live = await HealthProbe.GetAsync(client, "/health/live");
        Assert.Equal(HttpStatusCode.OK, live.Code);
        Assert.Equal("healthy", live.Status);

        await redis.StartAsync();
        await postgres.StartAsync();
        var back = await WaitForAsync(client, "/health", static p => p.Status == "healthy", Diagnostics);
        Assert.Equal(HttpStatusCode.OK, back.Code);
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(client, "/health/ready")).Code);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_json_without_touching_the_stores_for_liveness()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();

        var live = await HealthProbe.GetAsync(client, "/health/live");
        var ready = await WaitForAsync(client, "/health/ready", static p => p.Code == HttpStatusCode.OK, static () => "");

        Assert.Equal(HttpStatusCode.OK, live.Code);
        Assert.Empty(live.Body.GetProperty("checks").EnumerateObject());
        Assert.True(ready.Body.GetProperty("checks").TryGetProperty("stores", out _));
        Assert.True(ready.Body.GetProperty("checks").TryGetProperty("lifetime", out _));
    }

    private static async Task<HealthProbe> WaitForAsync(HttpClient client, string path, Func<HealthProbe, bool> condition, Func<string> diagnostics)
    {
        HealthProbe? last = null;
        await Poll.UntilAsync(
            $"{path} to change",
            async _ =>
            {
                last = await HealthProbe.GetAsync(client, path);
                return condition(last);
            },
            Patience,
            () => $"last answer: {last}{Environment.NewLine}{diagnostics()}",
            CancellationToken.None);
        return last!;
    }
}
