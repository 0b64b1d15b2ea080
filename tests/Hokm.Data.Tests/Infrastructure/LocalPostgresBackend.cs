using System.Globalization;
using Npgsql;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb, trust auth on loopback) on a free port. PostgreSQL refuses to run
/// as root, so a root test process runs its binaries as the <c>postgres</c> OS user.
/// </summary>
internal sealed class LocalPostgresBackend : IServerBackend
{
    public const string Superuser = "postgres";
    private const string OsUser = "postgres";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    private readonly string _binDirectory;
    private readonly string[] _runAs;
    private readonly string _directory;
    private ManagedProcess? _process;
    private string _lastOutput = "";

    private LocalPostgresBackend(string binDirectory, string[] runAs, string directory, int port)
    {
        _binDirectory = binDirectory;
        _runAs = runAs;
        _directory = directory;
        Port = port;
    }

    public ServerSource Source => ServerSource.LocalBinary;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public bool IsRunning => _process is { HasExited: false };

    public bool IsControllable => true;

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = Superuser,
        Database = "postgres",
    }.ConnectionString;

    private string DataDirectory => Path.Combine(_directory, "data");

    private string SocketDirectory => Path.Combine(_directory, "s");

    public static async Task<LocalPostgresBackend> StartNewAsync(string binDirectory, CancellationToken cancellationToken)
    {
        var runAs = await RunAsPrefixAsync(cancellationToken);
        var backend = new LocalPostgresBackend(binDirectory, runAs, RunDirectory.CreateInstance("postgres"), FreePort.Next());
        try
        {
            await backend.InitializeClusterAsync(cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await backend.StartAsync(cancellationToken);
                    return backend;
                }
                catch (InvalidOperationException) when (attempt < 3 && backend._lastOutput.Contains("could not bind", StringComparison.Ordinal))
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
        string[] arguments =
        [
            Path.Combine(_binDirectory, "postgres"),
            "-D", DataDirectory,
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-k", SocketDirectory,
            "-c", "listen_addresses=127.0.0.1",
            // fsync=off loses nothing when only the server process dies (the OS still holds the writes);
            // synchronous_commit stays on, so a committed row is in the WAL before the client hears of it.
            "-c", "fsync=off",
            "-c", "full_page_writes=off",
            "-c", "max_connections=300",
            "-c", "shared_buffers=32MB",
        ];
        _process = StartAsPostgresUser(arguments);
        var process = _process;
        RunDirectory.WriteServerPid(_directory, process.Id);
        await Poll.UntilAsync(
            $"PostgreSQL on port {Port} accepting connections",
            async ct =>
            {
                if (process.HasExited)
                {
                    _lastOutput = process.RecentOutput;
                    throw new InvalidOperationException($"postgres exited during start-up:{Environment.NewLine}{_lastOutput}");
                }

                return await Probes.PostgresAsync(ConnectionString, ct);
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

        // Fast shutdown: disconnects clients, writes a shutdown checkpoint, exits.
        var (exitCode, output) = await RunAsPostgresUserAsync(
            [Path.Combine(_binDirectory, "pg_ctl"), "stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], cancellationToken);
        if (!await process.WaitForExitAsync(ExitTimeout, cancellationToken))
        {
            process.Kill();
            throw new InvalidOperationException($"pg_ctl stop (exit {exitCode}) did not stop the server:{Environment.NewLine}{output}");
        }
    }

    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        // SIGKILL the postmaster and its backends: no shutdown checkpoint, the next start runs crash recovery.
        process.Kill();
        if (!await process.WaitForExitAsync(ExitTimeout, cancellationToken))
        {
            throw new InvalidOperationException($"postgres (pid {process.Id}) survived SIGKILL for {ExitTimeout.TotalSeconds:0} s.");
        }
    }

    public string Diagnostics() =>
        $"PostgreSQL from {_binDirectory}, port {Port.ToString(CultureInfo.InvariantCulture)}, folder {_directory}. Recent output:{Environment.NewLine}{_process?.RecentOutput ?? _lastOutput}";

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            // Immediate shutdown rather than SIGKILL, so PostgreSQL removes its shared memory segment.
            if (!process.HasExited)
            {
                try
                {
                    await RunAsPostgresUserAsync([Path.Combine(_binDirectory, "pg_ctl"), "stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "10"], default);
                }
                catch (TimeoutException)
                {
                }
            }

            process.Kill();
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

    /// <summary>
    /// Nothing when not root; otherwise a command prefix that runs as the postgres user. setpriv execs the
    /// program itself (so the process we hold is the postmaster); runuser is the fallback.
    /// </summary>
    private static async Task<string[]> RunAsPrefixAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            return [];
        }

        var id = LocalBinaries.FindOnPath("id") ?? "/usr/bin/id";
        var (exitCode, _) = await ManagedProcess.RunAsync(id, ["-u", OsUser], TimeSpan.FromSeconds(10), cancellationToken: cancellationToken);
        if (exitCode != 0)
        {
            throw new TestServerUnavailableException(
                "PostgreSQL refuses to run as root, and there is no 'postgres' OS user to run it as. "
                + "Install the postgresql package (apt-get install postgresql creates the user) "
                + "or create one: useradd --system --user-group --no-create-home postgres.");
        }

        if (LocalBinaries.FindOnPath("setpriv") is { } setpriv)
        {
            return [setpriv, $"--reuid={OsUser}", $"--regid={OsUser}", "--init-groups", "--"];
        }

        if ((LocalBinaries.FindOnPath("runuser") ?? (File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : null)) is { } runuser)
        {
            return [runuser, "-u", OsUser, "--"];
        }

        throw new TestServerUnavailableException(
            "PostgreSQL refuses to run as root and neither setpriv nor runuser (util-linux) is available to run it as 'postgres'.");
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SocketDirectory);
        if (_runAs.Length > 0)
        {
            var (chownExit, chownOutput) = await ManagedProcess.RunAsync(
                "chown", ["-R", $"{OsUser}:", _directory], CommandTimeout, cancellationToken: cancellationToken);
            if (chownExit != 0)
            {
                throw new InvalidOperationException($"chown of {_directory} to {OsUser} failed:{Environment.NewLine}{chownOutput}");
            }
        }

        var (exitCode, output) = await RunAsPostgresUserAsync(
        [
            Path.Combine(_binDirectory, "initdb"),
            "-D", DataDirectory,
            "-U", Superuser,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        ], cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed (exit {exitCode}):{Environment.NewLine}{output}");
        }
    }

    private ManagedProcess StartAsPostgresUser(string[] command)
    {
        var full = _runAs.Concat(command).ToArray();
        return ManagedProcess.Start(full[0], full[1..], _directory);
    }

    private Task<(int ExitCode, string Output)> RunAsPostgresUserAsync(string[] command, CancellationToken cancellationToken)
    {
        var full = _runAs.Concat(command).ToArray();
        return ManagedProcess.RunAsync(full[0], full[1..], CommandTimeout, _directory, cancellationToken);
    }
}
