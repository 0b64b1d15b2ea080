using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hokm.Data.Persistence;
using Npgsql;

namespace Hokm.Benchmarks.Persistence;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb, trust auth, loopback, free port) for the benchmarks, or the
/// server named by <c>HOKM_BENCH_POSTGRES</c> (URL or Npgsql connection string; the user must be
/// allowed to create a database). As root the binaries run as the <c>postgres</c> OS user, since
/// PostgreSQL refuses root. <c>fsync=off</c>: both sides of each comparison commit once per batch,
/// and on a shared virtual disk the fsync would add the same noisy milliseconds to both.
/// </summary>
internal sealed class LocalPostgresServer : IDisposable
{
    private readonly Process? _process;
    private readonly string? _directory;
    private readonly string? _binDirectory;

    private LocalPostgresServer(string adminConnectionString, Process? process, string? directory, string? binDirectory)
    {
        AdminConnectionString = adminConnectionString;
        _process = process;
        _directory = directory;
        _binDirectory = binDirectory;
    }

    /// <summary>Connection string to the maintenance database.</summary>
    public string AdminConnectionString { get; }

    public static LocalPostgresServer Start()
    {
        var external = Environment.GetEnvironmentVariable("HOKM_BENCH_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new LocalPostgresServer(PostgresConnectionStrings.Parse(external), null, null, null);
        }

        var bin = FindBinDirectory() ?? throw new InvalidOperationException("PostgreSQL binaries (initdb, postgres, pg_ctl) not found; apt-get install postgresql, or set HOKM_BENCH_POSTGRES.");
        var directory = Directory.CreateTempSubdirectory("hokm-bench-postgres-").FullName;
        var data = Path.Combine(directory, "data");
        var sockets = Path.Combine(directory, "s");
        Directory.CreateDirectory(sockets);
        if (Environment.IsPrivilegedProcess)
        {
            Run("chown", ["-R", "postgres:", directory]);
        }

        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], asPostgres: true);
        var port = FreePort();
        var process = Process.Start(StartInfo(Path.Combine(bin, "postgres"),
            ["-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", sockets, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"],
            asPostgres: true)) ?? throw new InvalidOperationException("postgres did not start.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LocalPostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", process, directory, bin);
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var connection = new NpgsqlConnection(server.AdminConnectionString);
                connection.Open();
                return server;
            }
            catch (NpgsqlException)
            {
                Task.Delay(50).GetAwaiter().GetResult();
            }
        }

        server.Dispose();
        throw new InvalidOperationException("PostgreSQL did not answer within 10 s.");
    }

    /// <summary>Creates an empty database and returns a pooled connection string to it.</summary>
    public string CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
        {
            drop.ExecuteNonQuery();
        }

        using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            try
            {
                // Immediate shutdown (not SIGKILL) so the server removes its shared memory.
                Run(Path.Combine(_binDirectory!, "pg_ctl"), ["stop", "-D", Path.Combine(_directory!, "data"), "-m", "immediate", "-w"], asPostgres: true);
            }
            catch (InvalidOperationException)
            {
                _process.Kill();
            }

            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "initdb"))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            var real = File.ResolveLinkTarget(onPath, returnFinalTarget: true)?.FullName ?? onPath;
            return Path.GetDirectoryName(real);
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
    }

    private static ProcessStartInfo StartInfo(string file, string[] arguments, bool asPostgres)
    {
        string[] command = asPostgres && Environment.IsPrivilegedProcess
            ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--", file, .. arguments]
            : [file, .. arguments];
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in command[1..])
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static void Run(string file, string[] arguments, bool asPostgres = false)
    {
        using var process = Process.Start(StartInfo(file, arguments, asPostgres)) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {output.GetAwaiter().GetResult()}{error.GetAwaiter().GetResult()}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
