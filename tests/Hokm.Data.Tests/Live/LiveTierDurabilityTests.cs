using Hokm.Data.Live;
using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Data.Tests.Live;

/// <summary>
/// What an acknowledged commit survives. These tests stop real servers: a redis-server killed with
/// SIGKILL (AOF, fsync always) and an embedded Garnet disposed and started again on its folder.
/// </summary>
public sealed class LiveTierDurabilityTests
{
    [Fact]
    public async Task An_acknowledged_commit_survives_kill_9_of_redis_server_and_its_restart()
    {
        await using var redis = await TestServers.StartDedicatedRedisAsync();
        string prefix;
        await using (var harness = await LiveTierHarness.CreateAsync(redis.ConnectionString))
        {
            prefix = harness.Prefix;
            await harness.Data.CreateGameSessionAsync("DURA01", "v1", [new OutboxEvent("created", "c")]);
            for (var v = 1; v <= 50; v++)
            {
                var result = await harness.Data.ExecutePlayerMoveAsync("DURA01", v, $"v{v + 1}", [new OutboxEvent("move", $"m{v}")]);
                Assert.True(result.Committed);
            }

            await redis.KillAsync();
        }

        await redis.StartAsync();
        await using var after = await LiveTierHarness.CreateAsync(redis.ConnectionString, prefix);
        var state = await after.Data.GetGameSessionAsync("DURA01");
        Assert.NotNull(state);
        Assert.Equal(51, state.Version);
        Assert.Equal("v51", state.Document);
        var batch = await after.Data.Outbox.LeaseAsync("DURA01", "w", 100, TimeSpan.FromSeconds(30));
        Assert.Equal(51, batch.Entries.Count);
        Assert.Equal(Enumerable.Range(1, 51).Select(i => (long)i), batch.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Garnet_keeps_rooms_and_outboxes_across_a_restart_on_the_same_folder()
    {
        await using var garnet = await TestServers.StartGarnetAsync();
        string prefix;
        await using (var harness = await LiveTierHarness.CreateAsync(garnet.ConnectionString))
        {
            prefix = harness.Prefix;
            await harness.Data.CreateGameSessionAsync("DURA02", "v1");
            for (var v = 1; v <= 20; v++)
            {
                await harness.Data.ExecutePlayerMoveAsync("DURA02", v, $"v{v + 1}", [new OutboxEvent("move", $"m{v}")]);
            }

            await harness.Data.AddPlayerToGameAsync("DURA02", new RoomPlayer("alice", 3, "Alice", false));
        }

        await garnet.RestartAsync();

        await using var after = await LiveTierHarness.CreateAsync(garnet.ConnectionString, prefix);
        var state = await after.Data.GetGameSessionAsync("DURA02");
        Assert.NotNull(state);
        Assert.Equal((21L, "v21", 20L), (state.Version, state.Document, state.LastSequence));
        Assert.Equal(20, await after.Data.Outbox.GetDepthAsync("DURA02"));
        Assert.Equal(new PlayerSeat("DURA02", 3), await after.Data.Rooms.GetPlayerSeatAsync("alice"));
        Assert.True((await after.Data.ExecutePlayerMoveAsync("DURA02", 21, "v22", [new OutboxEvent("move", "m21")])).Committed);
    }
}
