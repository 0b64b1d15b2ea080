using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hokm.Benchmarks.Live;

/// <summary>
/// A throwaway redis-server on a free loopback port for the benchmarks (or the server named by
/// <c>HOKM_BENCH_REDIS</c>). Persistence is off: the benchmarks measure the commit path's
/// round trip and script cost, and AOF settings would weigh on both sides of each comparison alike.
/// </summary>
internal sealed class LocalRedisServer : IDisposable
{
    private readonly Process? _process;
    private readonly string? _directory;

    private LocalRedisServer(string connectionString, Process? process, string? directory)
    {
        ConnectionString = connectionString;
        _process = process;
        _directory = directory;
    }

    public string ConnectionString { get; }

    public static LocalRedisServer Start()
    {
        var external = Environment.GetEnvironmentVariable("HOKM_BENCH_REDIS");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new LocalRedisServer(external, null, null);
        }

        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("hokm-bench-redis-").FullName;
        var info = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start; install it (apt-get install redis-server) or set HOKM_BENCH_REDIS.");
        process.OutputDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new LocalRedisServer($"127.0.0.1:{port}", process, directory);
            }
            catch (SocketException)
            {
                Task.Delay(50).GetAwaiter().GetResult();
            }
        }

        process.Kill();
        throw new InvalidOperationException("redis-server did not answer within 5 s.");
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
