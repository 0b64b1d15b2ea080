using Hokm.Server.Tests.Hosting;
using Microsoft.Playwright;

namespace Hokm.Server.Tests.Browser;

/// <summary>
/// The real server (embedded Garnet and SQLite in a temporary folder) and Debian's Chromium driven
/// by Playwright. Playwright never downloads a browser: it runs <c>/usr/bin/chromium</c> (or
/// <c>HOKM_CHROMIUM</c>), which .ci/run installs.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "hokm-browser-" + Guid.NewGuid().ToString("N"));
    private ServerHost? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Screenshots and other artifacts of the browser tests.</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "browser-artifacts");

    public Uri BaseAddress => _server!.BaseAddress;

    public IBrowser Browser => _browser!;

    /// <summary>The running server's services: tests store finished games through its own <c>IGameStore</c>, as a room does at game end.</summary>
    public IServiceProvider Services => _server!.Services;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var chromium = Environment.GetEnvironmentVariable("HOKM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}: install Debian's package (apt-get install chromium), as .ci/run does.");
        }

        Directory.CreateDirectory(ArtifactsDirectory);
        _server = await ServerHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "",
            ["ConnectionStrings:Postgres"] = "",
            ["HokmData:Embedded:DataDirectory"] = _dataDirectory,
            ["HokmData:Sync:Interval"] = "00:00:00.100",
            ["Hokm:Auth:RateLimit:Enabled"] = "false",
            ["Hokm:Rooms:BotDelay"] = "00:00:00.020",
            ["Hokm:Rooms:HandPause"] = "00:00:00.200",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A fresh browser profile (its own localStorage): one person.</summary>
    public async Task<IPage> NewPersonAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1100, Height = 860 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open is left in the temp folder.
        }
    }
}
