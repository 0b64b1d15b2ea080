using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Server.Tests.Hosting;

/// <summary>
/// The real server (<see cref="HokmServerApp"/>, Kestrel, real sockets) on a free loopback port,
/// pointed at the stores a test gives it. Stop and start again on the same stores to test a
/// server restart.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>ws://127.0.0.1:PORT/ws</summary>
    public Uri WebSocketUri => new($"ws://{BaseAddress.Authority}/ws");

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration (connection strings, options); wins over appsettings.json.</param>
    /// <param name="services">Services registered before the server's own (which use TryAdd), e.g. a fixed seed source.</param>
    public static async Task<ServerHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>(settings)
        {
            ["Urls"] = "http://127.0.0.1:0",
        };
        var app = HokmServerApp.Build(["--environment=Testing"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServerHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Graceful stop, as on SIGTERM.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped and disposed by the test.
        }

        await _app.DisposeAsync();
    }
}
