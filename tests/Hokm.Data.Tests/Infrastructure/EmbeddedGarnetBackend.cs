using Hokm.Data.Embedded;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// <see cref="EmbeddedGarnetServer"/> in this process. Stop and kill both dispose the server (there is no
/// separate process to SIGKILL); start opens it again on the same port and data folder, replaying the AOF.
/// </summary>
internal sealed class EmbeddedGarnetBackend : IServerBackend
{
    private readonly bool _ownsDirectory;
    private EmbeddedGarnetServer? _server;

    private EmbeddedGarnetBackend(string dataDirectory, bool ownsDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
    }

    public ServerSource Source => ServerSource.Embedded;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public int? ProcessId => IsRunning ? Environment.ProcessId : null;

    public bool IsRunning => _server is not null;

    public bool IsControllable => true;

    public string DataDirectory { get; }

    public EmbeddedGarnetServer? Server => _server;

    public static EmbeddedGarnetBackend StartNew(string? dataDirectory)
    {
        var backend = new EmbeddedGarnetBackend(dataDirectory ?? RunDirectory.CreateInstance("garnet"), ownsDirectory: dataDirectory is null);
        backend.Start();
        return backend;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Garnet starts synchronously (AOF replay included); keep it off the test's thread.
        return IsRunning ? Task.CompletedTask : Task.Run(Start, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        var server = Interlocked.Exchange(ref _server, null);
        server?.Dispose();
        return Task.CompletedTask;
    }

    public Task KillAsync(CancellationToken cancellationToken) => StopAsync(cancellationToken);

    public string Diagnostics() => $"embedded Garnet {EmbeddedGarnetServer.GarnetVersion} on {Host}:{Port}, data {DataDirectory}";

    public async ValueTask DisposeAsync()
    {
        await StopAsync(default);
        if (_ownsDirectory)
        {
            RunDirectory.DeleteQuietly(DataDirectory);
        }
    }

    public void CleanUpAtExit()
    {
        // Nothing outlives the process; the run folder goes with the watchdog.
    }

    private void Start()
    {
        // Port 0 the first time; the same port on every restart, so clients can reconnect.
        _server = EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions { DataDirectory = DataDirectory, Port = Port });
        Port = _server.Port;
    }
}
