using Hokm.Server.Cluster;
using Hokm.Server.Connections;
using Hokm.Server.Rooms;

namespace Hokm.Server.Hosting;

/// <summary>The game server's settings, bound from the <c>Hokm</c> section (validated at start).</summary>
public sealed class GameServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hokm";

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) allowed to open <c>/ws</c>; empty allows any. Requests
    /// without an <c>Origin</c> header (non-browser clients) are always allowed.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>WebSocket limits and timers.</summary>
    public ConnectionOptions Connections { get; set; } = new();

    /// <summary>Room timers and retries.</summary>
    public RoomOptions Rooms { get; set; } = new();

    /// <summary>Several nodes on one Redis: node id, room leases, routing.</summary>
    public ClusterOptions Cluster { get; set; } = new();
}
