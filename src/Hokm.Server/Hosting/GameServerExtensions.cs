using System.ComponentModel.DataAnnotations;
using Hokm.Data.Configuration;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Games;
using Hokm.Game.Shuffling;
using Hokm.Server.Cluster;
using Hokm.Server.Connections;
using Hokm.Server.Diagnostics;
using Hokm.Server.Games;
using Hokm.Server.Rooms;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hokm.Server.Hosting;

/// <summary>The game itself: data layer, rooms, the WebSocket endpoint and the game API.</summary>
internal static class GameServerExtensions
{
    /// <summary>
    /// Adds the data layer, the rooms, the socket machinery and the game API's services. Options:
    /// <c>Hokm</c> (<see cref="GameServerOptions"/>), checked at start. Registrations use
    /// <c>TryAdd</c>, so a host (or a test) can replace the seed source, the random source of room
    /// codes or the clock before calling this.
    /// </summary>
    public static WebApplicationBuilder AddHokmGameServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHokmData(builder.Configuration);
        services.AddOptions<GameServerOptions>()
            .BindConfiguration(GameServerOptions.SectionName)
            .Validate(static o => IsValid(o.Connections) && IsValid(o.Rooms) && IsValid(o.Cluster), "Hokm:Connections, Hokm:Rooms or Hokm:Cluster has a value out of range (see ConnectionOptions, RoomOptions and ClusterOptions).")
            .Validate(static o => !o.Cluster.Enabled || o.Cluster.EffectiveRenewInterval < o.Cluster.LeaseTime, "Hokm:Cluster:RenewInterval must be shorter than Hokm:Cluster:LeaseTime (a third of it is advised).")
            .Validate(static o => o.AllowedOrigins.All(static origin => Uri.TryCreate(origin, UriKind.Absolute, out _)), "Hokm:AllowedOrigins must list absolute origins such as https://hokm.example.")
            .ValidateOnStart();

        // One node id for the whole process: /health, logs, presence records and room leases.
        var node = NodeIdentity.From(builder.Configuration["Hokm:Cluster:NodeId"] ?? builder.Configuration["HokmData:NodeId"]);
        services.TryAddSingleton(node);
        services.PostConfigure<HybridDataOptions>(o => o.NodeId = node.Id);
        services.TryAddSingleton<RoomBus>();
        services.TryAddSingleton<OpenRoomIndex>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HokmDiagnostics>();
        services.TryAddSingleton<IGameSeedSource>(CryptoGameSeedSource.Instance);
        services.TryAddSingleton(static _ => new RoomIdentifiers(Random.Shared));
        services.TryAddSingleton<ISeatViewRedactor, SeatViewRedactor>();
        services.TryAddSingleton<RoomContext>();
        services.TryAddSingleton<RoomManager>();
        services.TryAddSingleton<ConnectionRegistry>();
        services.TryAddSingleton<ConnectionContext>();
        services.TryAddSingleton<GameHistoryReader>();
        services.TryAddSingleton<GameRecords>();

        // Registered after the data layer's sync worker, so it stops first: no more moves, rooms
        // drained, sockets closed (1001) — then the worker flushes the outboxes.
        services.AddHostedService<GameServerLifetime>();
        services.AddHostedService<OrphanRoomSweeper>();
        services.AddTransient<IStartupFilter, WebSocketStartupFilter>();
        return builder;
    }

    /// <summary>Maps <c>GET /ws</c> and <c>GET /api/games/{gameId}/record</c>.</summary>
    public static IEndpointRouteBuilder MapHokmGameServer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWebSocketApi();
        endpoints.MapGameRecordApi();
        return endpoints;
    }

    private static bool IsValid(object options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true);
}
