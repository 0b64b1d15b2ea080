using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Server.Tests.Hosting;

/// <summary>The test host itself: the real server starts on loopback against real stores.</summary>
public sealed class ServerHostTests
{
    [Fact]
    public async Task The_server_starts_on_a_loopback_port_with_real_redis_and_postgresql()
    {
        var redis = await TestServers.GetRedisAsync();
        var postgres = await TestServers.GetPostgresAsync();
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
            ["HokmData:KeyPrefix"] = RedisTestServer.NewKeyPrefix(),
        });

        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
    }
}
