using Hokm.Data;
using Hokm.Data.Persistence.Games;
using Hokm.Game.Shuffling;
using Hokm.Server.Diagnostics;
using Hokm.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Rooms;

/// <summary>The services every room uses (one instance per server).</summary>
internal sealed class RoomContext(
    IHybridDataLayer data,
    IGameStore games,
    IGameSeedSource seeds,
    RoomIdentifiers identifiers,
    IOptions<GameServerOptions> options,
    TimeProvider time,
    HokmDiagnostics diagnostics,
    ILogger<RoomHost> logger)
{
    public IHybridDataLayer Data => data;

    public IGameStore Games => games;

    public IGameSeedSource Seeds => seeds;

    public RoomIdentifiers Identifiers => identifiers;

    public RoomOptions Options { get; } = options.Value.Rooms;

    public TimeProvider Time => time;

    public HokmDiagnostics Diagnostics => diagnostics;

    public ILogger Logger => logger;
}
