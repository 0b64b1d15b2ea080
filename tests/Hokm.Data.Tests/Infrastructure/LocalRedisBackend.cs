using System.Globalization;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>A throwaway redis-server process on a free loopback port, AOF with fsync on every write.</summary>
internal sealed class LocalRedisBackend : IServerBackend
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    private readonly string _executable;
    private readonly string _directory;
    private ManagedProcess? _process;
    private string _lastOutput = "";

    private LocalRedisBackend(string executable, string directory, int port)
    {
        _executable = executable;
        _directory = directory;
        Port = port;
    }

    public ServerSource Source => ServerSource.LocalBinary;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public bool IsRunning => _process is { HasExited: false };

    public bool IsControllable => true;

    public string DataDirectory => _directory;

    public static async Task<LocalRedisBackend> StartNewAsync(string executable, CancellationToken cancellationToken)
    {
        var backend = new LocalRedisBackend(executable, RunDirectory.CreateInstance("redis"), FreePort.Next());
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
        $"redis-server {_executable}, port {Port.ToString(CultureInfo.InvariantCulture)}, folder {_directory}. Recent output:{Environment.NewLine}{_process?.RecentOutput ?? _lastOutput}";

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

    private string[] Arguments() =>
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
}
