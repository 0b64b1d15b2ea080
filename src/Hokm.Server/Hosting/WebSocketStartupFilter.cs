namespace Hokm.Server.Hosting;

/// <summary>Puts the WebSocket middleware at the front of the pipeline (keep-alive is set per socket on accept).</summary>
internal sealed class WebSocketStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWebSockets();
        next(app);
    };
}
