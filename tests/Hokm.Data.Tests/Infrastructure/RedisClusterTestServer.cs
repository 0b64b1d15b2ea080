namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// A real Redis Cluster for tests: three masters of local redis-server processes (<see cref="LocalRedisClusterBackend"/>),
/// or the cluster named by <see cref="TestServers.RedisClusterVariable"/>. <see cref="RedisTestServer.ConnectionString"/>
/// lists every seed node; StackExchange.Redis finds the slots itself. A cluster has only database 0, so isolate
/// tests with <see cref="RedisTestServer.NewKeyPrefix"/>; <see cref="RedisTestServer.LeaseDatabaseAsync"/> refuses.
/// </summary>
public sealed class RedisClusterTestServer : RedisTestServer
{
    internal RedisClusterTestServer(IServerBackend backend, string connectionString)
        : base(ServerKind.RedisCluster, backend, connectionString)
    {
    }

    /// <summary>Ports of the nodes the tests started, in creation order (empty for a cluster from <see cref="TestServers.RedisClusterVariable"/>).</summary>
    public IReadOnlyList<int> NodePorts => Backend is LocalRedisClusterBackend local ? [.. local.Nodes.Select(static n => n.Port)] : [];

    /// <summary>Process ids of the nodes the tests started (null for a node that is down).</summary>
    public IReadOnlyList<int?> NodeProcessIds => Backend is LocalRedisClusterBackend local ? [.. local.Nodes.Select(static n => n.ProcessId)] : [];

    /// <summary>The fields of <c>CLUSTER INFO</c> as one node sees them (e.g. cluster_state, cluster_known_nodes, cluster_size).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadClusterInfoAsync()
    {
        await using var connection = await ConnectAsync(o => o.AbortOnConnectFail = true);
        var server = Masters(connection).FirstOrDefault()
            ?? throw new InvalidOperationException($"No master of the cluster is connected.{Environment.NewLine}{Diagnostics()}");
        var text = (string?)await server.ExecuteAsync("CLUSTER", "INFO") ?? "";

        // Over RESP3 the reply is a verbatim string, which may keep its "txt:" format prefix.
        if (text.StartsWith("txt:", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(static line => line.Split(':', 2))
            .Where(static parts => parts.Length == 2)
            .ToDictionary(static parts => parts[0], static parts => parts[1], StringComparer.Ordinal);
    }

    /// <summary>SIGKILL of one node the tests started (0–2): its slots fail until <see cref="StartNodeAsync"/>.</summary>
    public Task KillNodeAsync(int index, CancellationToken cancellationToken = default) =>
        LocalNodes(index).Nodes[index].KillAsync(cancellationToken);

    /// <summary>Starts one node again on its port, folder and <c>nodes.conf</c>; returns once the cluster is ok.</summary>
    public Task StartNodeAsync(int index, CancellationToken cancellationToken = default) =>
        LocalNodes(index).StartNodeAsync(index, cancellationToken);

    private protected override async Task<string> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var info = await ReadInfoAsync();
        if (!info.TryGetValue("redis_mode", out var mode) || mode != "cluster")
        {
            throw new InvalidOperationException(
                $"{ConnectionString} is not a Redis Cluster: INFO says redis_mode:{mode ?? "(none)"}. {TestServers.RedisClusterVariable} must name nodes of a cluster.");
        }

        var cluster = await ReadClusterInfoAsync();
        if (!cluster.TryGetValue("cluster_state", out var state) || state != "ok")
        {
            throw new InvalidOperationException($"The Redis Cluster at {ConnectionString} is not ok: cluster_state:{state ?? "(none)"}.");
        }

        return info.TryGetValue("redis_version", out var version)
            ? version
            : throw new InvalidOperationException("INFO server has no redis_version.");
    }

    private LocalRedisClusterBackend LocalNodes(int index)
    {
        if (Backend is not LocalRedisClusterBackend local)
        {
            throw new NotSupportedException(
                $"The cluster from {TestServers.RedisClusterVariable} is not the tests' to stop or kill; {nameof(TestServers)}.{nameof(TestServers.StartDedicatedRedisClusterAsync)}() starts one of the test's own.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, local.Nodes.Count);
        return local;
    }
}
