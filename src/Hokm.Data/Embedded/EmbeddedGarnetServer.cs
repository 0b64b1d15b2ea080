using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Garnet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hokm.Data.Embedded;

/// <summary>
/// Microsoft Garnet (a Redis-protocol server) running inside this process: the zero-install Redis of the
/// embedded default. Clients reach it over TCP like any Redis server (see <see cref="ConnectionString"/>).
/// </summary>
/// <remarks>
/// Durable mode starts Garnet with <c>--aof --recover --checkpointdir DIR --aof-commit-freq 0
/// --device-type RandomAccess</c> (plus <c>--aof-commit-wait</c> by default): every write is appended to
/// the append-only file, and the next start on the same folder replays it — after a clean
/// <see cref="Dispose"/> as well as after the process died. The RandomAccess device matters: Garnet's
/// default native device needs libaio and, without it, silently skips AOF pages.
/// Garnet has no Streams, and INFO/CONFIG need an admin connection (StackExchange.Redis <c>allowAdmin=true</c>).
/// </remarks>
public sealed class EmbeddedGarnetServer : IDisposable
{
    private const string LockFileName = "garnet.lock";
    private const int FreePortAttempts = 3;

    private readonly GarnetServer _server;
    private readonly FileStream? _lock;
    private readonly ILogger _logger;
    private int _disposed;

    private EmbeddedGarnetServer(GarnetServer server, IPEndPoint endpoint, string? dataDirectory, bool durable, FileStream? dataLock, ILogger logger)
    {
        _server = server;
        _lock = dataLock;
        _logger = logger;
        Endpoint = endpoint;
        DataDirectory = dataDirectory;
        IsDurable = durable;
    }

    /// <summary>The Garnet version this library runs (for start-up logs and diagnostics).</summary>
    public static string GarnetVersion { get; } = ReadGarnetVersion();

    /// <summary>The address clients connect to (loopback when bound to every interface).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The TCP port Garnet listens on (the chosen one when the options asked for port 0).</summary>
    public int Port => Endpoint.Port;

    /// <summary>A StackExchange.Redis configuration string for this server, e.g. <c>127.0.0.1:6380</c>.</summary>
    public string ConnectionString => Endpoint.ToString();

    /// <summary>Full path of the folder holding the append-only file and checkpoints; null when not durable.</summary>
    public string? DataDirectory { get; }

    /// <summary>Whether writes go to the append-only file and are recovered at the next start.</summary>
    public bool IsDurable { get; }

    /// <summary>Starts Garnet in this process and returns once it accepts connections.</summary>
    /// <param name="options">Where to keep data and where to listen.</param>
    /// <param name="logger">Receives Garnet's own log and this class's; null keeps Garnet silent.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">Garnet could not start (port taken, data folder in use, …).</exception>
    public static EmbeddedGarnetServer Start(EmbeddedGarnetOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.BindAddress, out var bindAddress))
        {
            throw new ArgumentException($"'{options.BindAddress}' is not an IP address.", nameof(options));
        }

        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"Port {options.Port} is outside 0-65535.", nameof(options));
        }

        if (options.Durable && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new ArgumentException("A durable embedded Garnet needs a DataDirectory.", nameof(options));
        }

        if (options.MinThreadPoolThreads is < 1)
        {
            throw new ArgumentException($"MinThreadPoolThreads must be positive, not {options.MinThreadPoolThreads}.", nameof(options));
        }

        logger ??= NullLogger.Instance;
        if (options.MinThreadPoolThreads is { } minThreads)
        {
            RaiseThreadPoolMinimum(minThreads);
        }

        var dataDirectory = string.IsNullOrWhiteSpace(options.DataDirectory) ? null : Path.GetFullPath(options.DataDirectory);
        FileStream? dataLock = null;
        if (dataDirectory is not null)
        {
            Directory.CreateDirectory(dataDirectory);
            dataLock = LockDataDirectory(dataDirectory);
        }

        try
        {
            var attempts = options.Port == 0 ? FreePortAttempts : 1;
            for (var attempt = 1; ; attempt++)
            {
                var port = options.Port == 0 ? PickFreePort(bindAddress) : options.Port;
                var listenEndpoint = new IPEndPoint(bindAddress, port);
                try
                {
                    var server = StartGarnet(BuildArguments(options, listenEndpoint, dataDirectory), logger);
                    var endpoint = new IPEndPoint(ClientAddress(bindAddress), port);
                    EmbeddedGarnetLog.Started(logger, GarnetVersion, endpoint.ToString(), options.Durable, dataDirectory ?? "(none)");
                    return new EmbeddedGarnetServer(server, endpoint, dataDirectory, options.Durable, dataLock, logger);
                }
                catch (Exception ex) when (IsAddressInUse(ex) && attempt < attempts)
                {
                    EmbeddedGarnetLog.PortTaken(logger, port);
                }
                catch (Exception ex) when (ex is not ArgumentException)
                {
                    var reason = IsAddressInUse(ex) ? "the port is taken" : ex.Message;
                    throw new InvalidOperationException($"Embedded Garnet could not start on {listenEndpoint}: {reason}", ex);
                }
            }
        }
        catch
        {
            dataLock?.Dispose();
            throw;
        }
    }

    /// <summary>Stops listening and closes the stores. Data stays in <see cref="DataDirectory"/> for the next start.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // false: never delete the append-only file and checkpoints, they are the durable state.
            _server.Dispose(deleteDir: false);
            EmbeddedGarnetLog.Stopped(_logger, Endpoint.ToString());
        }
        finally
        {
            _lock?.Dispose();
        }
    }

    private static GarnetServer StartGarnet(string[] arguments, ILogger logger)
    {
        ILoggerFactory loggerFactory = logger == NullLogger.Instance ? NullLoggerFactory.Instance : new SingleLoggerFactory(logger);
        var listenersBefore = Trace.Listeners.Cast<TraceListener>().ToHashSet();
        GarnetServer? server = null;
        try
        {
            server = new GarnetServer(arguments, loggerFactory, cleanupDir: false);
            server.Start();
            return server;
        }
        catch
        {
            DisposeQuietly(server);
            throw;
        }
        finally
        {
            // Garnet's constructor adds a console trace listener on every call; an embedded server must not
            // write to the host's console, and restarts must not pile listeners up.
            foreach (var added in Trace.Listeners.OfType<ConsoleTraceListener>().Where(l => !listenersBefore.Contains(l)).ToList())
            {
                Trace.Listeners.Remove(added);
                added.Dispose();
            }
        }
    }

    private static void RaiseThreadPoolMinimum(int minimum)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < minimum || io < minimum)
        {
            ThreadPool.SetMinThreads(Math.Max(workers, minimum), Math.Max(io, minimum));
        }
    }

    // Garnet wraps the bind failure in its own exception.
    private static bool IsAddressInUse(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    private static void DisposeQuietly(GarnetServer? server)
    {
        try
        {
            server?.Dispose(deleteDir: false);
        }
#pragma warning disable CA1031 // Cleaning up after a failed start: the original exception is the one to report.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static string[] BuildArguments(EmbeddedGarnetOptions options, IPEndPoint endpoint, string? dataDirectory)
    {
        List<string> arguments =
        [
            "--port", endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "--bind", endpoint.Address.ToString(),
            "-q", // no banner on the console
            "--lua",
            // Garnet's native device needs libaio and silently skips AOF pages without it.
            "--device-type", "RandomAccess",
        ];
        if (dataDirectory is not null)
        {
            arguments.AddRange(["--checkpointdir", dataDirectory]);
        }

        if (options.Durable)
        {
            arguments.AddRange(["--aof", "--recover", "--aof-commit-freq", "0"]);
            if (options.WaitForCommit)
            {
                arguments.Add("--aof-commit-wait");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.MemorySize))
        {
            arguments.AddRange(["--memory", options.MemorySize]);
        }

        if (!string.IsNullOrWhiteSpace(options.IndexSize))
        {
            arguments.AddRange(["--index", options.IndexSize]);
        }

        return [.. arguments];
    }

    private static FileStream LockDataDirectory(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, LockFileName);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix): a second server on the same
            // folder, in this process or another, would corrupt the append-only file.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The Garnet data folder '{dataDirectory}' is in use by another embedded Garnet server.", ex);
        }
    }

    private static int PickFreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static IPAddress ClientAddress(IPAddress bindAddress) =>
        bindAddress.Equals(IPAddress.Any) ? IPAddress.Loopback
        : bindAddress.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
        : bindAddress;

    private static string ReadGarnetVersion()
    {
        var version = typeof(GarnetServer).Assembly.GetName().Version;
        return version is null ? "unknown" : version.ToString(3);
    }

    /// <summary>Hands the one logger to every Garnet component (Garnet asks for a factory).</summary>
    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
