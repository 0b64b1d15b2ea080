using System.Globalization;
using System.Text;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// A throwaway Redis Cluster of three masters (no replicas): three cluster-mode redis-server processes
/// (<see cref="LocalRedisBackend.StartNewClusterNodeAsync"/>), each on its own free loopback port and cluster bus
/// port with its own folder, joined by <c>redis-cli --cluster create … --cluster-replicas 0 --cluster-yes</c>.
/// Ready once <c>CLUSTER INFO</c> says <c>cluster_state:ok</c> and knows all three nodes on every node.
/// Each node folder is an instance folder of the run (its own <c>server.pid</c>), so the watchdog and the
/// next run's reaper end the nodes like any other server.
/// </summary>
internal sealed class LocalRedisClusterBackend : IServerBackend
{
    /// <summary>Masters of the cluster; Redis Cluster needs at least three.</summary>
    public const int MasterCount = 3;

    private static readonly TimeSpan CreateTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _redisCli;
    private readonly List<LocalRedisBackend> _nodes = [];
    private string _createOutput = "";

    private LocalRedisClusterBackend(string redisCli)
    {
        _redisCli = redisCli;
    }

    public ServerSource Source => ServerSource.LocalBinary;

    public string Host => "127.0.0.1";

    /// <summary>The first node's port (any node is a seed; see <see cref="ConnectionString"/> for all).</summary>
    public int Port => _nodes[0].Port;

    public int? ProcessId => _nodes[0].ProcessId;

    public bool IsRunning => _nodes.Count == MasterCount && _nodes.TrueForAll(static n => n.IsRunning);

    public bool IsControllable => true;

    /// <summary>The nodes, in the order they were given to <c>redis-cli --cluster create</c>.</summary>
    public IReadOnlyList<LocalRedisBackend> Nodes => _nodes;

    /// <summary>Every node as a seed: <c>127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3</c>.</summary>
    public string ConnectionString => string.Join(",", _nodes.Select(n => $"{Host}:{n.Port.ToString(CultureInfo.InvariantCulture)}"));

    public static async Task<LocalRedisClusterBackend> StartNewAsync(string redisServer, string redisCli, CancellationToken cancellationToken)
    {
        var backend = new LocalRedisClusterBackend(redisCli);
        try
        {
            // One after the other: each node picks its ports only after the previous one has bound its own.
            for (var i = 0; i < MasterCount; i++)
            {
                backend._nodes.Add(await LocalRedisBackend.StartNewClusterNodeAsync(redisServer, cancellationToken));
            }

            await backend.CreateClusterAsync(cancellationToken);
            await backend.WaitUntilReadyAsync(cancellationToken);
            return backend;
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts every node that is down (same ports, folders and <c>nodes.conf</c>) and waits until the cluster is ok again.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var node in _nodes)
        {
            await node.StartAsync(cancellationToken);
        }

        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary>Starts one node that is down again and waits until the whole cluster is ok.</summary>
    public async Task StartNodeAsync(int index, CancellationToken cancellationToken)
    {
        await _nodes[index].StartAsync(cancellationToken);
        await WaitUntilReadyAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var node in _nodes)
        {
            await node.StopAsync(cancellationToken);
        }
    }

    public async Task KillAsync(CancellationToken cancellationToken)
    {
        foreach (var node in _nodes)
        {
            await node.KillAsync(cancellationToken);
        }
    }

    public string Diagnostics()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Redis Cluster of {MasterCount} masters ({ConnectionStringOrNone()}).");
        if (_createOutput.Length > 0)
        {
            text.AppendLine().Append("redis-cli --cluster create said:").AppendLine().Append(_createOutput);
        }

        for (var i = 0; i < _nodes.Count; i++)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"Node {i}: ").Append(_nodes[i].Diagnostics());
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    public void CleanUpAtExit()
    {
        foreach (var node in _nodes)
        {
            node.CleanUpAtExit();
        }
    }

    private string ConnectionStringOrNone() => _nodes.Count == 0 ? "no node started" : ConnectionString;

    private async Task CreateClusterAsync(CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "--cluster", "create",
            .. _nodes.Select(n => $"{Host}:{n.Port.ToString(CultureInfo.InvariantCulture)}"),
            "--cluster-replicas", "0",
            "--cluster-yes",
        ];
        var (exitCode, output) = await ManagedProcess.RunAsync(_redisCli, arguments, CreateTimeout, _nodes[0].DataDirectory, cancellationToken);
        _createOutput = output;
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{_redisCli} {string.Join(' ', arguments)}' exited with {exitCode.ToString(CultureInfo.InvariantCulture)}.{Environment.NewLine}{Diagnostics()}");
        }
    }

    private Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Poll.UntilAsync(
        $"Redis Cluster {ConnectionString} reporting cluster_state:ok and {MasterCount} known nodes on every node",
        async ct =>
        {
            foreach (var node in _nodes)
            {
                if (!node.IsRunning)
                {
                    throw new InvalidOperationException($"A Redis Cluster node is not running.{Environment.NewLine}{Diagnostics()}");
                }

                var info = await Probes.TryReadRedisBulkStringAsync(Host, node.Port, "CLUSTER INFO", ct);
                if (info is null
                    || !info.Contains("cluster_state:ok", StringComparison.Ordinal)
                    || !info.Contains($"cluster_known_nodes:{MasterCount.ToString(CultureInfo.InvariantCulture)}\r", StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        },
        ReadyTimeout,
        Diagnostics,
        cancellationToken);
}
