using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hokm.Server.Tests.Browser;

/// <summary>The statistics pages of the web client (leaderboards, performance report), driven from the keyboard.</summary>
internal sealed class StatsPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Leaderboards => Page.Locator("#leaderboards");

    public ILocator Report => Page.Locator("#report");

    /// <summary>Logs in through the sign-in page's form.</summary>
    public async Task LogInAsync(string username, string displayName)
    {
        await Page.GotoAsync("/");
        await Page.Locator("#signin summary").ClickAsync();
        await Page.Locator("#login-username").FillAsync(username);
        await Page.Locator("#login-password").FillAsync(StatsSeed.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#who-name")).ToHaveTextAsync(displayName);
        await Expect(Page.Locator("#nav")).ToBeVisibleAsync();
    }

    /// <summary>Presses <paramref name="key"/> on the element that <paramref name="selector"/> names, reached with Tab, and returns the API answer it caused.</summary>
    public async Task<JsonElement> KeyAndWaitForApiAsync(string selector, string key, string apiPath)
    {
        await TabToAsync(selector);
        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.Keyboard.PressAsync(key),
            r => new Uri(r.Url).AbsolutePath.StartsWith(apiPath, StringComparison.Ordinal));
        return await JsonAsync(response);
    }

    public static async Task<JsonElement> JsonAsync(IResponse response)
    {
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.Clone();
    }

    /// <summary>The rows of a leaderboard table as "rank|playerId|name|score".</summary>
    public async Task<string[]> RowsAsync(string table) =>
        [.. await Page.Locator($"{table} tbody tr").EvaluateAllAsync<string[]>(
            "rows => rows.map(r => [r.dataset.rank, r.dataset.playerId, r.querySelector('.name').textContent, r.querySelector('.score').textContent].join('|'))")];

    /// <summary>True when the page is no wider than the window (nothing scrolls sideways).</summary>
    public Task<bool> FitsTheWidthAsync() =>
        Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");

    public Task<string> StatAsync(string key) => Page.Locator($"#report-stats [data-stat=\"{key}\"] dd").First.InnerTextAsync();

    /// <summary>Presses Tab (at most a page's worth of times) until the focused element matches.</summary>
    public async Task TabToAsync(string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await Page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector}");
    }

    public async Task ScreenshotAsync(string fileName) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, fileName), FullPage = true });
}
