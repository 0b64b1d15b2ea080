namespace Hokm.Server.Hosting;

/// <summary>The game itself: data layer, rooms, the WebSocket endpoint and the game API.</summary>
internal static class GameServerExtensions
{
    public static WebApplicationBuilder AddHokmGameServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddHokmData(builder.Configuration);
        return builder;
    }

    public static IEndpointRouteBuilder MapHokmGameServer(this IEndpointRouteBuilder endpoints) => endpoints;
}
