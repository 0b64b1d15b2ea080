using System.Collections.Concurrent;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Sink;
using Hokm.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace Hokm.Data.Tests.Sync;

/// <summary>
/// Failure is a feature: these tests stop a real PostgreSQL process, or end a worker between its
/// database commit and its acknowledgement, and check that nothing acknowledged is lost or doubled.
/// </summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task Moves_of_200_games_committed_while_PostgreSQL_is_stopped_for_20_seconds_all_arrive_exactly_once()
    {
        const int games = 200;
        var redis = await TestServers.GetRedisAsync();
        await using var postgres = await TestServers.StartDedicatedPostgresAsync();
        await using var harness = await HybridHarness.CreateAsync(redis.ConnectionString, await postgres.CreateDatabaseAsync());
        var hosted = await harness.StartHostedServicesAsync();

        var seq = new int[games];
        var committed = 0;
        async Task PlayRoundAsync(int moves)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, games), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (g, _) =>
            {
                await harness.PlayAsync($"OUT{g:D3}", $"g-out-{g:D3}", moves, firstSeq: seq[g] + 1);
                seq[g] += moves;
                Interlocked.Add(ref committed, moves);
            });
        }

        await PlayRoundAsync(3);
        await WaitUntilAsync(async () => await harness.CountMovesAsync("g-out-") == committed, TimeSpan.FromSeconds(60));

        await postgres.StopAsync();
        var outageStarted = DateTimeOffset.UtcNow;
        var breakerSeenOpen = false;
        for (var round = 0; round < 200 && DateTimeOffset.UtcNow - outageStarted < TimeSpan.FromSeconds(20); round++)
        {
            await PlayRoundAsync(1);
            breakerSeenOpen |= harness.Resilience.Postgres.State == CircuitState.Open;
            await Task.Delay(250);
        }

        Assert.True(breakerSeenOpen, "The PostgreSQL breaker never opened during the outage.");
        Assert.True(seq.All(s => s >= 10), "Play did not go on during the outage.");
        Assert.True((await harness.Data.Outbox.GetPendingRoomsAsync(games)).Count > 0);

        await postgres.StartAsync();
        await WaitUntilAsync(async () => await harness.CountMovesAsync("g-out-") == committed, TimeSpan.FromSeconds(120));
        await WaitUntilAsync(() => Task.FromResult(harness.Resilience.Postgres.State == CircuitState.Closed), TimeSpan.FromSeconds(30));

        var keys = await harness.ListMoveKeysAsync();
        var ours = keys.Where(k => k.GameId.StartsWith("g-out-", StringComparison.Ordinal)).ToList();
        Assert.Equal(committed, ours.Count);
        Assert.Equal(ours.Count, ours.Distinct().Count());
        for (var g = 0; g < games; g++)
        {
            var game = $"g-out-{g:D3}";
            Assert.Equal(Enumerable.Range(1, seq[g]).Select(i => (long)i), ours.Where(k => k.GameId == game).Select(k => k.Seq).Order());
        }

        await HybridHarness.StopHostedServicesAsync(hosted);
    }

    [Fact]
    public async Task A_worker_ended_between_the_database_commit_and_the_acknowledgement_causes_no_duplicates()
    {
        var redis = await TestServers.GetRedisAsync();
        var postgres = await TestServers.GetPostgresAsync();
        var database = await postgres.CreateDatabaseAsync();
        var crashing = new CrashAfterCommit();
        string prefix;
        await using (var first = await HybridHarness.CreateAsync(redis.ConnectionString, database, configure: services => crashing.Install(services)))
        {
            prefix = first.Prefix;
            await first.PlayAsync("CRASH1", "g-crash", 250);

            // The first worker writes its batch to PostgreSQL and "dies" before acknowledging it.
            await first.Drainer.DrainPassAsync();
            Assert.True(crashing.Crashed);
            Assert.Equal(100, await first.CountMovesAsync("g-crash"));
            Assert.Equal(250, await first.Data.Outbox.GetDepthAsync("CRASH1"));
        }

        // A new worker (a restarted process) takes over once the dead one's lease lapses.
        await using var second = await HybridHarness.CreateAsync(redis.ConnectionString, database, prefix: prefix);
        var written = 0;
        for (var i = 0; i < 200 && await second.Data.Outbox.GetDepthAsync("CRASH1") > 0; i++)
        {
            written += await second.Drainer.DrainPassAsync();
            await Task.Delay(100);
        }

        Assert.Equal(0, await second.Data.Outbox.GetDepthAsync("CRASH1"));
        Assert.Equal(250, written);
        var keys = (await second.ListMoveKeysAsync()).Where(k => k.GameId == "g-crash").ToList();
        Assert.Equal(250, keys.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), keys.Select(k => k.Seq).Order());
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

            await Task.Delay(100);
        }

        Assert.True(await condition(), $"Condition not met within {bound}.");
    }

    /// <summary>
    /// Wraps the real sink: the first call commits to the database, then throws as if the process
    /// died before the acknowledgement could be sent. Nothing is acknowledged after that.
    /// </summary>
    private sealed class CrashAfterCommit
    {
        public bool Crashed { get; private set; }

        public void Install(IServiceCollection services)
        {
            var original = services.Single(d => d.ServiceType == typeof(IOutboxSink));
            services.Remove(original);
            services.AddSingleton<IOutboxSink>(sp => new Sink((IOutboxSink)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!), this));
        }

        private sealed class Sink(IOutboxSink inner, CrashAfterCommit owner) : IOutboxSink
        {
            public async Task<SinkResult> WriteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default)
            {
                if (owner.Crashed)
                {
                    throw new OperationCanceledException("This worker is dead.");
                }

                await inner.WriteAsync(entries, cancellationToken);
                owner.Crashed = true;
                throw new OperationCanceledException("The process died after the database commit.");
            }
        }
    }
}
