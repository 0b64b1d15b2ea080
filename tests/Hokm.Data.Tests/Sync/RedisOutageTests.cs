using Hokm.Data.Health;
using Hokm.Data.Live;
using Hokm.Data.Tests.Infrastructure;
using Polly.CircuitBreaker;

namespace Hokm.Data.Tests.Sync;

/// <summary>
/// Redis really stopped during play: commits go on through PostgreSQL, nothing acknowledged is
/// lost, and Redis gets the live state back when it returns.
/// </summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task Redis_stopped_for_10_seconds_during_play_commits_go_on_through_PostgreSQL_and_the_live_state_returns_to_Redis()
    {
        const int games = 20;
        await using var redis = await TestServers.StartDedicatedRedisAsync();
        var postgres = await TestServers.GetPostgresAsync();
        await using var harness = await HybridHarness.CreateAsync(redis.ConnectionString, await postgres.CreateDatabaseAsync(), settings: new Dictionary<string, string?>
        {
            ["HokmData:Resilience:Redis:FailureThreshold"] = "3",
            ["HokmData:Resilience:Redis:BreakDuration"] = "00:00:01",
        });
        var hosted = await harness.StartHostedServicesAsync();

        var seq = new int[games];
        var versions = new long[games];
        async Task PlayRoundAsync()
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, games), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (g, ct) =>
            {
                var room = $"RDOWN{g:D2}";
                if (versions[g] == 0)
                {
                    var created = await harness.Data.CreateGameSessionAsync(room, "move 0", cancellationToken: ct);
                    Assert.True(created.Committed, $"{room}: {created.Status}");
                    versions[g] = created.Version;
                    return;
                }

                var next = seq[g] + 1;
                var result = await harness.Data.ExecutePlayerMoveAsync(room, versions[g], $"move {next}", [HybridHarness.Move($"g-rdown-{g:D2}", next)], ct);
                Assert.True(result.Committed, $"{room} move {next}: {result.Status}");
                versions[g] = result.Version;
                seq[g] = next;
            });
        }

        // Before: a few moves through Redis and the outbox.
        for (var i = 0; i < 4; i++)
        {
            await PlayRoundAsync();
        }

        await redis.StopAsync();
        var outageStarted = DateTimeOffset.UtcNow;
        var fellBack = false;
        for (var round = 0; round < 100 && DateTimeOffset.UtcNow - outageStarted < TimeSpan.FromSeconds(10); round++)
        {
            await PlayRoundAsync();
            fellBack |= harness.Resilience.Redis.State == CircuitState.Open;
            await Task.Delay(200);
        }

        Assert.True(fellBack, "The Redis breaker never opened.");
        Assert.Equal(HealthStatus.Unhealthy, (await harness.Data.HealthCheckAsync()).Redis.Status);
        Assert.Equal(HealthStatus.Degraded, (await harness.Data.HealthCheckAsync()).Overall);
        var duringOutage = seq.ToArray();

        await redis.StartAsync();
        await WaitUntilAsync(async () =>
        {
            try
            {
                for (var g = 0; g < games; g++)
                {
                    var live = await harness.Data.GetLiveGameStateAsync($"RDOWN{g:D2}");
                    if (live is null || live.Version != versions[g])
                    {
                        return false;
                    }
                }

                return true;
            }
            catch (Hokm.Data.Errors.StoreUnavailableException)
            {
                return false; // Still reconnecting.
            }
        }, TimeSpan.FromSeconds(60));

        // The game goes on in Redis after it returns.
        await PlayRoundAsync();
        await harness.DrainAllAsync(TimeSpan.FromSeconds(60));

        for (var g = 0; g < games; g++)
        {
            var live = await harness.Data.GetLiveGameStateAsync($"RDOWN{g:D2}");
            Assert.Equal(versions[g], live!.Version);
            Assert.Equal($"move {seq[g]}", live.Document);
            Assert.True(duringOutage[g] > 3, "Play did not go on while Redis was down.");
        }

        var keys = (await harness.ListMoveKeysAsync()).Where(k => k.GameId.StartsWith("g-rdown-", StringComparison.Ordinal)).ToList();
        Assert.Equal(seq.Sum(), keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());

        await HybridHarness.StopHostedServicesAsync(hosted);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan bound)
    {
        var started = DateTimeOffset.UtcNow;
        for (var i = 0; i < 10_000 && DateTimeOffset.UtcNow - started < bound; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.True(await condition(), $"Condition not met within {bound}.");
    }
}
