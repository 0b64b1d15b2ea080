using Hokm.Cli.Load;
using Hokm.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Cli.Tests.Load;

/// <summary>
/// The load command against the real server in-process (Kestrel on a loopback port, embedded
/// Garnet and SQLite in a temp folder): games are played over real sockets and every finished
/// game's record is fetched, audited and compared with what the bots saw. No timing assertions.
/// </summary>
public sealed class LoadEndToEndTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hokm-load-");
    private WebApplication? _server;
    private Uri? _webSocketUri;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["HokmData:Embedded:DataDirectory"] = _folder.FullName,
            ["HokmData:Sync:Interval"] = "00:00:00.050",
            ["Hokm:Auth:SigningKey"] = "hokm-cli-load-tests-signing-key-0123456789abcdef",
            ["Hokm:Auth:RateLimit:Enabled"] = "false",
            ["Hokm:Connections:MessagesPerSecond"] = "1000",
            ["Hokm:Connections:Burst"] = "1000",
            ["Hokm:Rooms:BotDelay"] = "00:00:00",
            ["Hokm:Rooms:HandPause"] = "00:00:00",
            ["Hokm:Logging:RequestLogging"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        _server = HokmServerApp.Build(["--environment=Testing"], builder => builder.Configuration.AddInMemoryCollection(settings));
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _webSocketUri = new Uri($"ws://{new Uri(address).Authority}/ws");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The embedded stores may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task Three_tables_at_think_0_finish_games_that_all_verify_with_no_errors()
    {
        var report = await RunAsync(chaos: 0);

        Assert.True(report.GamesFinished >= 3, $"only {report.GamesFinished} games finished");
        Assert.Equal(report.GamesFinished, report.GamesVerified);
        Assert.Empty(report.Errors);
        Assert.Empty(report.Failures);
        Assert.True(report.Passed);
        Assert.Equal(report.Moves, report.MoveRoundTripMs.Count);
        Assert.Equal(12, report.SocketsPeak);
        Assert.True(report.Server.Scrapes > 0);
    }

    [Fact]
    public async Task Dropped_sockets_reconnect_with_their_token_and_the_games_still_finish_and_verify()
    {
        var report = await RunAsync(chaos: 0.5);

        Assert.True(report.GamesFinished >= 3, $"only {report.GamesFinished} games finished");
        Assert.True(report.Reconnects > 0);
        Assert.Equal(report.GamesFinished, report.GamesVerified);
        Assert.Empty(report.Errors);
        Assert.Empty(report.Failures);
    }

    private async Task<LoadReport> RunAsync(double chaos)
    {
        var (settings, errors) = LoadSettings.Create(_webSocketUri!.ToString(), 3, 0, 10, 0, null, chaos, 1, progress: false);
        Assert.Empty(errors);
        return await new LoadRunner(settings!, TimeProvider.System).RunAsync(null, CancellationToken.None);
    }
}
