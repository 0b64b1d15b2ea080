using Hokm.Data;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Games;
using Hokm.Game.Shuffling;
using Hokm.Server.Cluster;
using Hokm.Server.Diagnostics;
using Hokm.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Rooms;

/// <summary>The services every room uses (one instance per server).</summary>
internal sealed class RoomContext(
    IHybridDataLayer data,
    IGameStore games,
    IRoomLeaseStore leases,
    RoomBus bus,
    NodeIdentity node,
    IGameSeedSource seeds,
    RoomIdentifiers identifiers,
    IOptions<GameServerOptions> options,
    TimeProvider time,
    HokmDiagnostics diagnostics,
    ILogger<RoomHost> logger)
{
    public IHybridDataLayer Data => data;

    public IGameStore Games => games;

    /// <summary>Room leases and fenced commits (used when <see cref="Cluster"/> is enabled).</summary>
    public IRoomLeaseStore Leases => leases;

    /// <summary>Pub/sub between nodes.</summary>
    public RoomBus Bus => bus;

    /// <summary>This node.</summary>
    public NodeIdentity Node => node;

    /// <summary>The cluster settings.</summary>
    public ClusterOptions Cluster { get; } = options.Value.Cluster;

    public IGameSeedSource Seeds => seeds;

    public RoomIdentifiers Identifiers => identifiers;

    public RoomOptions Options { get; } = options.Value.Rooms;

    public TimeProvider Time => time;

    public HokmDiagnostics Diagnostics => diagnostics;

    public ILogger Logger => logger;
}
