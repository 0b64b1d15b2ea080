using System.Diagnostics;
using StackExchange.Redis;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>The Redis Cluster the fixture starts (or is given): a real three-master cluster, and cleaned up.</summary>
public sealed class RedisClusterServerTests
{
    [Fact]
    public async Task Shared_redis_cluster_is_a_real_cluster_whose_three_masters_cover_every_slot()
    {
        var cluster = await TestServers.GetRedisClusterAsync();

        var info = await cluster.ReadInfoAsync();
        var clusterInfo = await cluster.ReadClusterInfoAsync();

        Assert.Equal(ServerKind.RedisCluster, cluster.Kind);
        Assert.Equal(cluster.Version, info["redis_version"]);
        Assert.Equal("cluster", info["redis_mode"]);
        Assert.Equal("ok", clusterInfo["cluster_state"]);
        Assert.Equal("16384", clusterInfo["cluster_slots_assigned"]);
        if (cluster.Source == ServerSource.LocalBinary)
        {
            Assert.Equal("3", clusterInfo["cluster_size"]);
            Assert.Equal("3", clusterInfo["cluster_known_nodes"]);
            await using var connection = await cluster.ConnectAsync();
            Assert.Equal(cluster.NodePorts.Order(), RedisTestServer.Masters(connection).Select(s => ((System.Net.IPEndPoint)s.EndPoint).Port).Order());

            // The server itself refuses a command across slots: this is what the data layer must never send.
            var reply = await Probes.TrySendRedisCommandAsync(cluster.Host, cluster.Port, "MGET {room-a}:x {room-b}:x", default);
            Assert.StartsWith("-CROSSSLOT", reply, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cluster_has_no_databases_to_lease()
    {
        var cluster = await TestServers.GetRedisClusterAsync();

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => cluster.LeaseDatabaseAsync());

        Assert.Contains(nameof(RedisTestServer.NewKeyPrefix), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dedicated_cluster_keeps_acknowledged_writes_across_SIGKILL_of_a_node_and_a_restart_and_leaves_nothing_behind()
    {
        var cluster = await TestServers.StartDedicatedRedisClusterAsync();
        var pids = cluster.NodeProcessIds.Select(p => p!.Value).ToList();
        try
        {
            Assert.True(cluster.IsControllable);
            Assert.Equal(3, pids.Distinct().Count());
            var keys = Enumerable.Range(0, 30).Select(i => (RedisKey)$"{{k{i}}}:v").ToList();
            await using (var connection = await cluster.ConnectAsync())
            {
                foreach (var key in keys)
                {
                    await connection.GetDatabase().StringSetAsync(key, $"value of {key}");
                }
            }

            await cluster.KillNodeAsync(1);
            Assert.Null(cluster.NodeProcessIds[1]);
            await cluster.StartNodeAsync(1);
            await AssertKeysAsync(cluster, keys);
            Assert.NotEqual(pids[1], cluster.NodeProcessIds[1]);

            // The whole cluster, gracefully: every node shuts down and comes back on its nodes.conf and AOF.
            await cluster.RestartAsync();
            await AssertKeysAsync(cluster, keys);
            Assert.Equal("ok", (await cluster.ReadClusterInfoAsync())["cluster_state"]);
            pids = cluster.NodeProcessIds.Select(p => p!.Value).ToList();
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"redis-server {pid} outlived the disposed cluster"));
    }

    [Fact]
    public async Task Without_redis_binaries_the_failure_says_how_to_get_a_cluster()
    {
        var nothing = new ServerDiscovery(RedisConfigured: null, PostgresConfigured: null, UseDocker: false, UseLocalBinaries: false);

        var error = await Assert.ThrowsAsync<TestServerUnavailableException>(
            () => TestServers.FindRedisClusterAsync(nothing, dedicated: false, default));

        Assert.Contains(TestServers.RedisClusterVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install redis-server", error.Message, StringComparison.Ordinal);
        Assert.Contains("redis-cli --cluster create", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_from_the_environment_is_used_as_it_is_and_cannot_be_killed()
    {
        var shared = await TestServers.GetRedisClusterAsync();
        var discovery = new ServerDiscovery(null, null, UseDocker: false, UseLocalBinaries: false) { RedisClusterConfigured = shared.ConnectionString };

        await using var external = await TestServers.FindRedisClusterAsync(discovery, dedicated: false, default);

        Assert.Equal(ServerSource.Environment, external.Source);
        Assert.Equal(shared.ConnectionString, external.ConnectionString);
        Assert.Equal(shared.Version, external.Version);
        Assert.Empty(external.NodePorts);
        await Assert.ThrowsAsync<NotSupportedException>(() => external.KillNodeAsync(0));
    }

    [Fact]
    public async Task A_single_redis_named_as_a_cluster_is_refused_with_a_clear_message()
    {
        var single = await TestServers.GetRedisAsync();
        var discovery = new ServerDiscovery(null, null, UseDocker: false, UseLocalBinaries: false) { RedisClusterConfigured = single.ConnectionString };

        var error = await Assert.ThrowsAsync<TestServerUnavailableException>(
            () => TestServers.FindRedisClusterAsync(discovery, dedicated: false, default));

        Assert.Contains("is not a Redis Cluster", error.Message, StringComparison.Ordinal);
        Assert.Contains(TestServers.RedisClusterVariable, error.Message, StringComparison.Ordinal);
    }

    private static async Task AssertKeysAsync(RedisClusterTestServer cluster, IEnumerable<RedisKey> keys)
    {
        await using var connection = await cluster.ConnectAsync();
        foreach (var key in keys)
        {
            Assert.Equal($"value of {key}", (string?)await connection.GetDatabase().StringGetAsync(key));
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
