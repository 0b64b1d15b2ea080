using System.Net.WebSockets;
using Hokm.Server.Cluster;
using Hokm.Server.Connections;
using Hokm.Server.Rooms;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Hosting;

/// <summary>
/// Graceful shutdown of the game: stop taking moves (answered <c>unavailable</c>), let every room
/// finish its in-flight commit, then close every socket with 1001. It starts as soon as the host
/// begins stopping (<see cref="IHostApplicationLifetime.ApplicationStopping"/>), because the web
/// server stops first and waits for open requests — the sockets — to end. The data layer's sync
/// worker, which stops after this service, then flushes the outboxes.
/// </summary>
internal sealed class GameServerLifetime(
    RoomManager rooms,
    ConnectionRegistry connections,
    IHostApplicationLifetime lifetime,
    IOptions<GameServerOptions> options,
    NodeIdentity node,
    ILogger<GameServerLifetime> logger,
    TimeProvider time) : IHostedService
{
    private readonly Lazy<Task> _shutdown = new(() => ShutdownAsync(rooms, connections, options.Value.Connections.CloseTimeout, time));
    private CancellationTokenRegistration _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ClusterLog.NodeStarted(logger, node.Id, options.Value.Cluster.Enabled, options.Value.Cluster.LeaseTime);
        _stopping = lifetime.ApplicationStopping.Register(static state => _ = ((Lazy<Task>)state!).Value, _shutdown);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.DisposeAsync();
        await _shutdown.Value;
    }

    private static async Task ShutdownAsync(RoomManager rooms, ConnectionRegistry connections, TimeSpan closeTimeout, TimeProvider time)
    {
        await Task.Yield();
        await rooms.StopAsync();
        await connections.CloseAllAsync(WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.", closeTimeout, time);
    }
}
