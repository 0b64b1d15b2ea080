using Hokm.Server.Auth;
using Hokm.Server.Hosting;
using Hokm.Server.Operations;
using Hokm.Server.Stats;
using Hokm.Server.WebClient;

namespace Hokm.Server;

/// <summary>
/// Builds the server. Program.cs runs it; end-to-end tests build it the same way on a free
/// loopback port with their own stores, so what they test is what runs.
/// </summary>
public static class HokmServerApp
{
    /// <summary>Builds the application; <paramref name="configure"/> can add settings (tests).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddHokmOperations();
        builder.AddHokmAuth();
        builder.AddHokmGameServer();
        builder.AddHokmStats();

        var app = builder.Build();
        app.UseHokmOperations();
        app.UseHokmWebClient();
        app.MapHokmOperations();
        app.MapHokmAuth();
        app.MapHokmGameServer();
        app.MapHokmStats();
        return app;
    }
}
