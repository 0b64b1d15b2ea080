namespace Hokm.Data.Tests.Infrastructure;

/// <summary>A server the tests did not start (named by an environment variable): used, never stopped.</summary>
internal sealed class ExternalBackend(string host, int port, string variable) : IServerBackend
{
    public ServerSource Source => ServerSource.Environment;

    public string Host => host;

    public int Port => port;

    public int? ProcessId => null;

    public bool IsRunning => true;

    public bool IsControllable => false;

    public Task StartAsync(CancellationToken cancellationToken) => throw NotControllable();

    public Task StopAsync(CancellationToken cancellationToken) => throw NotControllable();

    public Task KillAsync(CancellationToken cancellationToken) => throw NotControllable();

    public string Diagnostics() => $"external server {host}:{port} from {variable}";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void CleanUpAtExit()
    {
    }

    private NotSupportedException NotControllable() => new(
        $"The server from {variable} ({host}:{port}) is not the tests' to start, stop or kill. "
        + $"Tests that need that call {nameof(TestServers)}.{nameof(TestServers.StartDedicatedRedisAsync)}() "
        + $"or {nameof(TestServers)}.{nameof(TestServers.StartDedicatedPostgresAsync)}(), which always start their own server.");
}
