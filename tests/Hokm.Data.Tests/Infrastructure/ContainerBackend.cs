using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// A server in a Docker container (Testcontainers). The host port is fixed when the container is created,
/// so a stopped or killed container starts again on the same port with the same data.
/// </summary>
internal sealed class ContainerBackend : IServerBackend
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5); // includes pulling the image
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly IContainer _container;
    private readonly Func<string, int, CancellationToken, Task<bool>> _isReady;
    private readonly string _description;
    private volatile bool _running; // the container's State is a cached inspection, stale after a docker kill

    private ContainerBackend(IContainer container, int port, Func<string, int, CancellationToken, Task<bool>> isReady, string description)
    {
        _container = container;
        _isReady = isReady;
        _description = description;
        Port = port;
    }

    public ServerSource Source => ServerSource.Testcontainers;

    public string Host => _container.Hostname;

    public int Port { get; }

    public int? ProcessId => null;

    public bool IsRunning => _running;

    public bool IsControllable => true;

    /// <param name="image">Docker image, e.g. <c>redis:7.4-alpine</c>.</param>
    /// <param name="containerPort">The port the server listens on inside the container.</param>
    /// <param name="command">The full command (replaces the image's CMD).</param>
    /// <param name="environment">Environment variables of the container.</param>
    /// <param name="isReady">Protocol check against host and mapped port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ContainerBackend> StartNewAsync(
        string image,
        int containerPort,
        string[] command,
        IReadOnlyDictionary<string, string> environment,
        Func<string, int, CancellationToken, Task<bool>> isReady,
        CancellationToken cancellationToken)
    {
        var hostPort = FreePort.Next();
        var container = new ContainerBuilder(image)
            .WithPortBinding(hostPort, containerPort)
            .WithCommand(command)
            .WithEnvironment(environment)
            .Build();
        var backend = new ContainerBackend(container, hostPort, isReady, $"container {image}");
        try
        {
            await backend.StartAsync(cancellationToken);
            return backend;
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(StartTimeout);
        await _container.StartAsync(cts.Token);
        _running = true;
        await Poll.UntilAsync($"{_description} answering on {Host}:{Port}", ct => _isReady(Host, Port, ct), ReadyTimeout, Diagnostics, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _container.StopAsync(cancellationToken);
        _running = false;
    }

    public async Task KillAsync(CancellationToken cancellationToken)
    {
        // docker kill (SIGKILL): Testcontainers has no kill, so ask the engine directly.
        using var client = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
        await client.Containers.KillContainerAsync(_container.Id, new ContainerKillParameters { Signal = "KILL" }, cancellationToken);
        _running = false;
    }

    public string Diagnostics() => $"{_description} ({_container.Id}) on {Host}:{Port}, state {_container.State}";

    public ValueTask DisposeAsync() => _container.DisposeAsync();

    public void CleanUpAtExit()
    {
        // Testcontainers' resource reaper removes the container when the test process ends; try now anyway.
        _container.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
    }
}
