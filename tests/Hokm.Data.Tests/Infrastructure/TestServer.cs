using System.Globalization;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// A real server for integration tests. Get one from <see cref="TestServers"/>. Controllable servers (local
/// binaries, containers, embedded Garnet — see <see cref="IsControllable"/>) can be killed, stopped and started
/// again on the same port and data.
/// </summary>
public abstract class TestServer : IAsyncDisposable
{
    private int _disposed;

    private protected TestServer(ServerKind kind, IServerBackend backend)
    {
        Kind = kind;
        Backend = backend;
        ServerRegistry.Add(this);
    }

    /// <summary>Redis, PostgreSQL or Garnet.</summary>
    public ServerKind Kind { get; }

    /// <summary>Environment variable, Testcontainers, local binary or embedded.</summary>
    public ServerSource Source => Backend.Source;

    /// <summary>Host name or address clients connect to.</summary>
    public string Host => Backend.Host;

    /// <summary>TCP port clients connect to (stays the same across restarts).</summary>
    public int Port => Backend.Port;

    /// <summary>Connection string for the store's client (StackExchange.Redis configuration / Npgsql).</summary>
    public abstract string ConnectionString { get; }

    /// <summary>The version the server itself reports (Redis INFO redis_version, Garnet garnet_version, PostgreSQL server_version).</summary>
    public string Version { get; private set; } = "";

    /// <summary>Whether <see cref="KillAsync"/>, <see cref="StopAsync"/> and <see cref="StartAsync"/> work (not for environment-variable servers).</summary>
    public bool IsControllable => Backend.IsControllable;

    /// <summary>Whether the server is up (as far as this handle knows).</summary>
    public bool IsRunning => Backend.IsRunning;

    /// <summary>OS process id of the server while running, where the tests started it as a process (or this process for embedded Garnet).</summary>
    public int? ProcessId => Backend.ProcessId;

    private protected IServerBackend Backend { get; }

    /// <summary>Starts the server again on the same port and data; returns once it answers queries.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Backend.StartAsync(cancellationToken);
        await RefreshVersionAsync(cancellationToken);
    }

    /// <summary>Graceful shutdown (Redis SHUTDOWN, pg_ctl stop -m fast, container stop, Garnet dispose).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => Backend.StopAsync(cancellationToken);

    /// <summary>Abrupt end with no shutdown work: SIGKILL for processes, docker kill for containers; for embedded Garnet the same as stop.</summary>
    public Task KillAsync(CancellationToken cancellationToken = default) => Backend.KillAsync(cancellationToken);

    /// <summary>Stop, then start.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await StartAsync(cancellationToken);
    }

    /// <summary>Recent server output and where it lives, for assertion messages.</summary>
    public string Diagnostics() => Backend.Diagnostics();

    /// <summary>Stops the server (if the tests own it) and deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        ServerRegistry.Remove(this);
        await DisposeCoreAsync();
        await Backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} {Version} ({Source}) at {Host}:{Port}");

    internal virtual void CleanUpAtExit() => Backend.CleanUpAtExit();

    internal async Task RefreshVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            Version = await ReadVersionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new TestServerUnavailableException(
                $"{Kind} at {Host}:{Port} ({Source}) does not answer queries: {ex.Message}{Environment.NewLine}{Diagnostics()}", ex);
        }
    }

    private protected abstract Task<string> ReadVersionAsync(CancellationToken cancellationToken);

    private protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
