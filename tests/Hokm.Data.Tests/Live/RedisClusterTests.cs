using Hokm.Data.Live;
using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Stats;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Data.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace Hokm.Data.Tests.Live;

/// <summary>
/// What only a Redis Cluster can show (the shared live-tier contract runs there too, in
/// <see cref="LiveTierOnRedisClusterTests"/>): a room's keys stay in one slot while rooms spread over
/// every master, keyspace sweeps and the sync worker cover every master, a leaderboard is rebuilt
/// within its slot, and a killed master is an outage the data layer rides out through PostgreSQL.
/// </summary>
public sealed class RedisClusterTests
{
    /// <summary>Thirty fixed room codes; their slots (CRC16 of the code, the hash tag) fall on all three masters.</summary>
    private static readonly string[] Rooms = [.. Enumerable.Range(0, 30).Select(i => $"CLUS{i:D2}")];

    [Fact]
    public async Task Each_rooms_keys_share_one_slot_while_the_rooms_spread_over_every_master()
    {
        var cluster = await TestServers.GetRedisClusterAsync();
        await using var harness = await LiveTierHarness.CreateAsync(cluster.ConnectionString);
        foreach (var room in Rooms)
        {
            await harness.Data.CreateGameSessionAsync(room, "v1", [new OutboxEvent("created", room)]);
            await harness.Data.AddPlayerToGameAsync(room, new RoomPlayer($"p-{room}", 0, "P", false));
            Assert.True((await harness.Data.Outbox.LeaseAsync(room, "w1", 10, TimeSpan.FromSeconds(30))).Leased);
        }

        var connection = harness.Database.Multiplexer;
        var masterOfRoom = new Dictionary<string, string>(StringComparer.Ordinal);
        var slotOfRoom = new Dictionary<string, int>(StringComparer.Ordinal);
        var keysOfRoom = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var master in RedisTestServer.Masters(connection))
        {
            await foreach (var key in master.KeysAsync(pattern: harness.Prefix + "{*", pageSize: 500))
            {
                var text = key.ToString();
                var room = text[(text.IndexOf('{', StringComparison.Ordinal) + 1)..text.IndexOf('}', StringComparison.Ordinal)];
                var where = master.EndPoint.ToString()!;
                Assert.Equal(where, masterOfRoom.GetValueOrDefault(room, where));
                masterOfRoom[room] = where;
                var slot = connection.HashSlot(key);
                Assert.Equal(slot, slotOfRoom.GetValueOrDefault(room, slot));
                slotOfRoom[room] = slot;
                keysOfRoom[room] = keysOfRoom.GetValueOrDefault(room) + 1;
            }
        }

        Assert.Equal(Rooms.Order(StringComparer.Ordinal), masterOfRoom.Keys.Order(StringComparer.Ordinal));
        Assert.All(Rooms, room => Assert.Equal(4, keysOfRoom[room])); // room, outbox, lease, players
        Assert.Equal(3, masterOfRoom.Values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_keyspace_sweep_finds_lost_outbox_hints_on_every_master()
    {
        var cluster = await TestServers.GetRedisClusterAsync();
        await using var harness = await LiveTierHarness.CreateAsync(cluster.ConnectionString);
        foreach (var room in Rooms)
        {
            await harness.Data.CreateGameSessionAsync(room, "v1", [new OutboxEvent("created", room)]);
        }

        Assert.Equal(Rooms.Length, (await harness.Data.Outbox.GetPendingRoomsAsync(100)).Count);
        await harness.Database.KeyDeleteAsync($"{harness.Prefix}outbox:pending");
        Assert.Empty(await harness.Data.Outbox.GetPendingRoomsAsync(100));

        var found = await harness.Data.Outbox.ReindexPendingRoomsAsync();

        Assert.Equal(Rooms.Length, found);
        Assert.Equal(Rooms.Order(StringComparer.Ordinal), (await harness.Data.Outbox.GetPendingRoomsAsync(100)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_sync_worker_drains_outboxes_on_every_master_into_PostgreSQL_exactly_once()
    {
        const int moves = 20;
        var cluster = await TestServers.GetRedisClusterAsync();
        var postgres = await TestServers.GetPostgresAsync();
        await using var harness = await HybridHarness.CreateAsync(cluster.ConnectionString, await postgres.CreateDatabaseAsync());
        await Task.WhenAll(Rooms.Select(room => harness.PlayAsync(room, $"g-{room}", moves)));

        // A write-behind transaction over rooms on different masters: one script per room, never one across slots.
        await using (var tx = await harness.Data.BeginTransactionAsync(WriteMode.WriteBehind))
        {
            foreach (var room in Rooms.Take(6))
            {
                tx.UpdateGameSession(room, moves + 1, "after tx", [HybridHarness.Move($"g-{room}", moves + 1)]);
            }

            tx.QueueSyncTask(HybridHarness.Move("g-cluster-task", 1), SyncPriority.High);
            Assert.True((await tx.CommitAsync()).Committed);
        }

        await harness.DrainAllAsync(TimeSpan.FromSeconds(60));

        var keys = await harness.ListMoveKeysAsync();
        Assert.Equal((Rooms.Length * moves) + 6 + 1, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        foreach (var room in Rooms)
        {
            Assert.Equal(0, await harness.Data.Outbox.GetDepthAsync(room));
        }

        Assert.Empty(await harness.Data.Outbox.GetPendingRoomsAsync(100));
    }

    [Fact]
    public async Task A_leaderboard_is_rebuilt_and_renamed_within_its_slot_and_then_served_from_the_cache()
    {
        var cluster = await TestServers.GetRedisClusterAsync();
        var postgres = await TestServers.GetPostgresAsync();
        await using var harness = await HybridHarness.CreateAsync(cluster.ConnectionString, await postgres.CreateDatabaseAsync());
        var accounts = harness.Services.GetRequiredService<IPlayerAccountStore>();
        var players = Enumerable.Range(0, 5).Select(i => $"lb-{i}").ToList();
        foreach (var player in players)
        {
            await accounts.CreateAsync(new NewPlayerAccount(player, null, player, null, IsGuest: true));
        }

        await using (var db = await harness.Services.GetRequiredService<IDbContextFactory<HokmDbContext>>().CreateDbContextAsync())
        {
            for (var i = 0; i < players.Count; i++)
            {
                var row = await db.PlayerStats.FindAsync(players[i]);
                if (row is null)
                {
                    db.PlayerStats.Add(new PlayerStatsRow { PlayerId = players[i], Rating = 1000 + (i * 10) });
                }
                else
                {
                    row.Rating = 1000 + (i * 10);
                }
            }

            await db.SaveChangesAsync();
        }

        var stats = harness.Services.GetRequiredService<IHokmStats>();

        var built = await stats.GetLeaderboardAsync(LeaderboardType.Global, 10);
        var cached = await stats.GetLeaderboardAsync(LeaderboardType.Global, 10);
        var rank = await stats.GetPlayerRankAsync(LeaderboardType.Global, "lb-2", radius: 1);

        Assert.True(built.Rebuilt);
        Assert.False(cached.Rebuilt);
        Assert.Equal(Enumerable.Reverse(players), cached.Entries.Select(e => e.PlayerId));
        Assert.Equal(3, rank.Player!.Rank);
        Assert.Equal(["lb-3", "lb-2", "lb-1"], rank.Neighbours.Select(e => e.PlayerId));
    }

    [Fact]
    public async Task A_master_killed_during_play_sends_commits_to_PostgreSQL_and_its_rooms_come_back_to_Redis_with_nothing_lost()
    {
        const int rounds = 4;
        await using var cluster = await TestServers.StartDedicatedRedisClusterAsync();
        var postgres = await TestServers.GetPostgresAsync();
        await using var harness = await HybridHarness.CreateAsync(cluster.ConnectionString, await postgres.CreateDatabaseAsync(), settings: new Dictionary<string, string?>
        {
            ["HokmData:Resilience:Redis:FailureThreshold"] = "3",
            ["HokmData:Resilience:Redis:BreakDuration"] = "00:00:01",
        });
        var hosted = await harness.StartHostedServicesAsync();

        var versions = new long[Rooms.Length];
        var seq = new int[Rooms.Length];
        async Task PlayRoundAsync()
        {
            for (var r = 0; r < Rooms.Length; r++)
            {
                if (versions[r] == 0)
                {
                    var created = await harness.Data.CreateGameSessionAsync(Rooms[r], "move 0");
                    Assert.True(created.Committed, $"{Rooms[r]}: {created.Status}");
                    versions[r] = created.Version;
                    continue;
                }

                var next = seq[r] + 1;
                var result = await harness.Data.ExecutePlayerMoveAsync(Rooms[r], versions[r], $"move {next}", [HybridHarness.Move($"g-{Rooms[r]}", next)]);
                Assert.True(result.Committed, $"{Rooms[r]} move {next}: {result.Status}");
                versions[r] = result.Version;
                seq[r] = next;
            }
        }

        for (var i = 0; i < rounds; i++)
        {
            await PlayRoundAsync();
        }

        // SIGKILL of one master: its slots fail at once (connection errors), and once the others mark it
        // failed (node timeout, 5 s) they answer CLUSTERDOWN for every slot. Play goes on through
        // PostgreSQL until both were seen, and then for a few more rounds, in which the breaker's trial
        // calls meet CLUSTERDOWN.
        await cluster.KillNodeAsync(1);
        var outageStarted = DateTimeOffset.UtcNow;
        var fellBack = false;
        var clusterDown = false;
        var roundsAfter = 0;
        for (var round = 0; round < 300 && roundsAfter < 10 && DateTimeOffset.UtcNow - outageStarted < TimeSpan.FromSeconds(45); round++)
        {
            await PlayRoundAsync();
            fellBack |= harness.Resilience.Redis.State == CircuitState.Open;
            var reply = await Probes.TrySendRedisCommandAsync(cluster.Host, cluster.NodePorts[0], "GET probe", default);
            clusterDown |= reply?.StartsWith("-CLUSTERDOWN", StringComparison.Ordinal) == true;
            roundsAfter += fellBack && clusterDown ? 1 : 0;
            await Task.Delay(200);
        }

        Assert.True(clusterDown, "The surviving masters never answered CLUSTERDOWN.");
        Assert.True(fellBack, "The Redis breaker never opened.");
        await cluster.StartNodeAsync(1);

        // The rehydrator brings every room's live state back to Redis, and play goes on there.
        await WaitUntilAsync(async () =>
        {
            for (var r = 0; r < Rooms.Length; r++)
            {
                var live = await TryGetLiveAsync(harness, Rooms[r]);
                if (live is null || live.Version != versions[r])
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(60));
        await PlayRoundAsync();
        await harness.DrainAllAsync(TimeSpan.FromSeconds(60));

        for (var r = 0; r < Rooms.Length; r++)
        {
            var live = await harness.Data.GetLiveGameStateAsync(Rooms[r]);
            Assert.Equal((versions[r], $"move {seq[r]}"), (live!.Version, live.Document));
        }

        var keys = await harness.ListMoveKeysAsync();
        Assert.Equal(seq.Sum(), keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        await HybridHarness.StopHostedServicesAsync(hosted);
    }

    private static async Task<RoomState?> TryGetLiveAsync(HybridHarness harness, string room)
    {
        try
        {
            return await harness.Data.GetLiveGameStateAsync(room);
        }
        catch (Hokm.Data.Errors.StoreUnavailableException)
        {
            return null; // still reconnecting
        }
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
