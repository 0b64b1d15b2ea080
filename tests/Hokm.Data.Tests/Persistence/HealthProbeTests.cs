using Hokm.Data.Health;
using Hokm.Data.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Data.Tests.Persistence;

public sealed class HealthProbeTests
{
    [Theory]
    [InlineData(PersistenceProvider.PostgreSql)]
    [InlineData(PersistenceProvider.Sqlite)]
    public async Task A_working_store_is_reported_with_its_version_and_latency(PersistenceProvider provider)
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);

        var probe = await harness.Services.GetRequiredService<PersistenceHealthProbe>().ProbeAsync();

        Assert.True(probe.Reachable, probe.Error);
        Assert.Equal(provider, probe.Provider);
        Assert.False(string.IsNullOrEmpty(probe.ServerVersion));
        Assert.True(probe.Latency > TimeSpan.Zero);
        Assert.Equal(HealthStatus.Healthy, probe.ToComponentHealth().Status);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_reported_down_within_the_timeout()
    {
        // A port nothing listens on: the connection is refused at once.
        var port = Infrastructure.FreePort.Next();
        await using var harness = await PersistenceHarness.CreateAsync(
            new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = $"postgresql://hokm:x@127.0.0.1:{port}/hokm",
                ["HokmData:Persistence:ProbeTimeout"] = "00:00:01",
            },
            null,
            migrate: false);

        var probe = await harness.Services.GetRequiredService<PersistenceHealthProbe>().ProbeAsync();

        Assert.False(probe.Reachable);
        Assert.Equal(PersistenceProvider.PostgreSql, probe.Provider);
        Assert.NotNull(probe.Error);
        Assert.True(probe.Latency < TimeSpan.FromSeconds(5), $"took {probe.Latency}");
        Assert.Equal(HealthStatus.Unhealthy, probe.ToComponentHealth().Status);
    }
}
