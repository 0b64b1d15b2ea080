using System.Globalization;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// A throwaway redis-server process on a free loopback port, AOF with fsync on every write. As a Redis Cluster
/// node (<see cref="StartNewClusterNodeAsync"/>) it also has cluster mode on, a cluster bus port of its own and
/// its cluster config file (<c>nodes.conf</c>) in its folder, so a restart rejoins the same cluster.
/// </summary>
internal sealed class LocalRedisBackend : IServerBackend
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Cluster node timeout: how long a node may be unreachable before the others mark it failing.</summary>
    private const int ClusterNodeTimeoutMilliseconds = 5000;

    private readonly string _executable;
    private readonly string _directory;
    private readonly bool _clusterNode;
    private ManagedProcess? _process;
    private string _lastOutput = "";

    private LocalRedisBackend(string executable, string directory, int port, bool clusterNode)
    {
        _executable = executable;
        _directory = directory;
        _clusterNode = clusterNode;
        Port = port;
        ClusterBusPort = clusterNode ? OtherFreePort(port) : 0;
    }

    public ServerSource Source => ServerSource.LocalBinary;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public bool IsRunning => _process is { HasExited: false };

    public bool IsControllable => true;

    public string DataDirectory => _directory;

    /// <summary>The cluster bus port of a cluster node (0 otherwise).</summary>
    public int ClusterBusPort { get; private set; }

    public static Task<LocalRedisBackend> StartNewAsync(string executable, CancellationToken cancellationToken) =>
        StartNewAsync(new LocalRedisBackend(executable, RunDirectory.CreateInstance("redis"), FreePort.Next(), clusterNode: false), cancellationToken);

    /// <summary>A redis-server with cluster mode on and no slots yet: <see cref="LocalRedisClusterBackend"/> joins them into a cluster.</summary>
    public static Task<LocalRedisBackend> StartNewClusterNodeAsync(string executable, CancellationToken cancellationToken) =>
        StartNewAsync(new LocalRedisBackend(executable, RunDirectory.CreateInstance("redis-cluster-node"), FreePort.Next(), clusterNode: true), cancellationToken);

    private static async Task<LocalRedisBackend> StartNewAsync(LocalRedisBackend backend, CancellationToken cancellationToken)
    {
        try
        {
            // A free port can be taken between picking and binding: pick again, a bounded number of times.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await backend.StartAsync(cancellationToken);
                    return backend;
                }
                catch (InvalidOperationException) when (attempt < 3 && backend._lastOutput.Contains("Address already in use", StringComparison.Ordinal))
                {
                    backend.Port = FreePort.Next();
                    backend.ClusterBusPort = backend._clusterNode ? OtherFreePort(backend.Port) : 0;
                }
            }
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        _process?.Dispose();
        _process = ManagedProcess.Start(_executable, Arguments(), _directory);
        var process = _process;
        RunDirectory.WriteServerPid(_directory, process.Id);
        await Poll.UntilAsync(
            $"redis-server on port {Port} answering PING",
            async ct =>
            {
                if (process.HasExited)
                {
                    _lastOutput = process.RecentOutput;
                    throw new InvalidOperationException($"redis-server exited during start-up:{Environment.NewLine}{_lastOutput}");
                }

                return await Probes.RedisPingAsync(Host, Port, ct);
            },
            ReadyTimeout,
            Diagnostics,
            cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        // SHUTDOWN (not SIGTERM, which .NET cannot send): Redis fsyncs the AOF and exits.
        await Probes.TrySendRedisCommandAsync(Host, Port, "SHUTDOWN", cancellationToken);
        if (!await process.WaitForExitAsync(ExitTimeout, cancellationToken))
        {
            process.Kill();
            await process.WaitForExitAsync(ExitTimeout, cancellationToken);
        }
    }

    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        process.Kill();
        if (!await process.WaitForExitAsync(ExitTimeout, cancellationToken))
        {
            throw new InvalidOperationException($"redis-server (pid {process.Id}) survived SIGKILL for {ExitTimeout.TotalSeconds:0} s.");
        }
    }

    public string Diagnostics() =>
        $"redis-server {_executable}, port {Port.ToString(CultureInfo.InvariantCulture)}{(_clusterNode ? $" (cluster bus {ClusterBusPort.ToString(CultureInfo.InvariantCulture)})" : "")}, folder {_directory}. Recent output:{Environment.NewLine}{_process?.RecentOutput ?? _lastOutput}";

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            process.Kill(); // throwaway data: no need for a graceful shutdown
            await process.WaitForExitAsync(ExitTimeout);
            process.Dispose();
        }

        RunDirectory.DeleteQuietly(_directory);
    }

    public void CleanUpAtExit()
    {
        _process?.Kill();
        RunDirectory.DeleteQuietly(_directory);
    }

    private static int OtherFreePort(int taken)
    {
        // Bounded: the kernel rarely hands out the same ephemeral port twice in a row.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var port = FreePort.Next();
            if (port != taken)
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No second free loopback port besides {taken}.");
    }

    private string[] Arguments()
    {
        string[] common =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", _directory,
            "--appendonly", "yes",
            "--appendfsync", "always",
            "--save", "",
            "--daemonize", "no",
            "--protected-mode", "yes",
        ];
        return _clusterNode
            ?
            [
                .. common,
                "--cluster-enabled", "yes",
                "--cluster-config-file", Path.Combine(_directory, "nodes.conf"),

                // An explicit bus port (Redis 7): the default, port + 10000, may be taken or above 65535.
                "--cluster-port", ClusterBusPort.ToString(CultureInfo.InvariantCulture),
                "--cluster-node-timeout", ClusterNodeTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture),
            ]
            : common;
    }
}
