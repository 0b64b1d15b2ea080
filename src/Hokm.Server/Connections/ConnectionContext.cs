using Hokm.Data;
using Hokm.Server.Diagnostics;
using Hokm.Server.Hosting;
using Hokm.Server.Rooms;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Connections;

/// <summary>What every socket session needs (one instance per server).</summary>
internal sealed class ConnectionContext(
    ConnectionRegistry registry,
    RoomManager rooms,
    IHybridDataLayer data,
    IOptions<GameServerOptions> options,
    TimeProvider time,
    HokmDiagnostics diagnostics,
    ILogger<ConnectionSession> logger)
{
    public ConnectionRegistry Registry => registry;

    public RoomManager Rooms => rooms;

    public IHybridDataLayer Data => data;

    public ConnectionOptions Options { get; } = options.Value.Connections;

    public IReadOnlyList<string> AllowedOrigins { get; } = [.. options.Value.AllowedOrigins];

    public TimeProvider Time => time;

    public HokmDiagnostics Diagnostics => diagnostics;

    public ILogger Logger => logger;
}
