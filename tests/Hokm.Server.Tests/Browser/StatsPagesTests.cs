using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hokm.Server.Tests.Browser;

/// <summary>
/// The statistics pages of the web client (leaderboards and the performance report) in real
/// Chromium against the real server, after finished games stored through the server's own
/// completion path. What the pages show is compared with what the HTTP API answers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatsPagesTests(BrowserFixture fixture)
{
    // Display names with markup in them: the pages must show them as text.
    private const string MarkupName = "<i>Sahar</i> & \"co\"";

    [Fact]
    public async Task A_leaderboard_with_names_true_carries_every_listed_players_display_name()
    {
        var seed = new StatsSeed(fixture);
        var a = await seed.GuestAsync("<u>Nima</u>");
        var b = await seed.GuestAsync("Roya");
        var c = await seed.GuestAsync("Kian");
        await seed.GameAsync(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(12), a, b, c, (0, "H", 7, 2));

        using var http = new HttpClient { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using (var board = await GetJsonAsync(http, $"/api/leaderboards/weekly?limit=1000&around={a}&names=true"))
        {
            var names = board.RootElement.GetProperty("names");
            var listed = board.RootElement.GetProperty("board").GetProperty("entries").EnumerateArray()
                .Concat(board.RootElement.GetProperty("around").GetProperty("neighbours").EnumerateArray())
                .Select(static e => e.GetProperty("playerId").GetString()!).ToList();
            Assert.Contains(a, listed);
            Assert.Contains(c, listed);
            Assert.DoesNotContain(b, listed); // lost: no win this week
            Assert.All(listed, id => Assert.True(names.TryGetProperty(id, out _), id));
            Assert.Equal("<u>Nima</u>", names.GetProperty(a).GetString());
            Assert.Equal("Kian", names.GetProperty(c).GetString());
        }

        using (var plain = await GetJsonAsync(http, "/api/leaderboards/weekly?limit=5"))
        {
            Assert.Equal(JsonValueKind.Null, plain.RootElement.GetProperty("names").ValueKind);
        }

        using (var openApi = await GetJsonAsync(http, "/openapi/v1.json"))
        {
            var operation = openApi.RootElement.GetProperty("paths").GetProperty("/api/leaderboards/{type}").GetProperty("get");
            Assert.Contains(operation.GetProperty("parameters").EnumerateArray(),
                static p => p.GetProperty("name").GetString() == "names" && p.GetProperty("in").GetString() == "query");
            Assert.False(operation.TryGetProperty("requestBody", out _));
        }

        using var refused = await http.GetAsync(new Uri("/api/leaderboards/weekly?names=perhaps", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("names", out _));
    }

    [Fact]
    public async Task The_leaderboards_page_shows_the_ranking_the_api_returns_with_my_own_row_highlighted()
    {
        var (me, username) = await SeedPlayerWithHistoryAsync(MarkupName, "<b>Bijan</b>", "Roxana");
        var page = new StatsPage(await fixture.NewPersonAsync());
        var problems = WatchForPageProblems(page.Page);
        await page.LogInAsync(username, MarkupName);

        // Keyboard only from here: the navigation link, then the board buttons.
        var global = await page.KeyAndWaitForApiAsync("#nav-leaderboards", "Enter", "/api/leaderboards/global");
        await AssertBoardShownAsync(page, global, "global", me);
        await page.ScreenshotAsync("leaderboards.png");

        var weekly = await page.KeyAndWaitForApiAsync("#lb-boards button[data-board=weekly]", "Enter", "/api/leaderboards/weekly");
        await AssertBoardShownAsync(page, weekly, "weekly", me);
        // This week's seeded games: two won, one lost.
        Assert.Equal(2, weekly.GetProperty("around").GetProperty("player").GetProperty("score").GetDouble());
        await Expect(page.Page.Locator("#lb-boards button[data-board=weekly]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Page.Locator(".lb-score-head").First).ToHaveTextAsync("Wins");

        var monthly = await page.KeyAndWaitForApiAsync("#lb-boards button[data-board=monthly]", "Enter", "/api/leaderboards/monthly");
        await AssertBoardShownAsync(page, monthly, "monthly", me);

        // Names are text: the markup in them is shown, never parsed.
        await Expect(page.Page.Locator("#leaderboards i, #leaderboards b")).ToHaveCountAsync(0);

        // At phone width the page still fits: nothing scrolls sideways.
        await page.Page.SetViewportSizeAsync(390, 844);
        await Expect(page.Page.Locator("#lb-around tr.me")).ToBeVisibleAsync();
        Assert.True(await page.FitsTheWidthAsync(), "the leaderboards page scrolls sideways at 390 px");
        await page.ScreenshotAsync("leaderboards-phone.png");
        Assert.Empty(problems);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_report_page_shows_the_api_numbers_and_one_bar_per_week_and_a_bad_range_shows_the_servers_error()
    {
        var (me, username) = await SeedPlayerWithHistoryAsync("Parisa", "Dariush", "Shirin");
        // On a phone.
        var page = new StatsPage(await fixture.NewPersonAsync(new ViewportSize { Width = 390, Height = 844 }));
        var problems = WatchForPageProblems(page.Page);
        await page.LogInAsync(username, "Parisa");
        var opened = await page.KeyAndWaitForApiAsync("#nav-report", "Enter", $"/api/players/{me}/stats");
        Assert.Equal(me, opened.GetProperty("playerId").GetString());
        await Expect(page.Report).ToHaveAttributeAsync("data-state", "ready");

        // The last 40 days (UTC), end day included.
        var today = DateTimeOffset.UtcNow.UtcDateTime.Date;
        await page.Page.Locator("#report-from").FillAsync(today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Page.Locator("#report-to").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var response = await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.Locator("#report-form button[type=submit]").PressAsync("Enter"),
            r => r.Url.Contains($"/api/players/{me}/stats", StringComparison.Ordinal));
        await Expect(page.Report).ToHaveAttributeAsync("data-state", "ready");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(response.Url).Query);
        Assert.Equal(today.AddDays(-40), DateTimeOffset.Parse(query["from"]!, CultureInfo.InvariantCulture).UtcDateTime);
        Assert.Equal(today.AddDays(1), DateTimeOffset.Parse(query["to"]!, CultureInfo.InvariantCulture).UtcDateTime);

        // The same question asked of the API directly: the page shows its numbers.
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var api = await GetJsonAsync(http, new Uri(response.Url).PathAndQuery);
        var report = api.RootElement.GetProperty("report");
        Assert.Equal(7, report.GetProperty("games").GetInt32()); // every seeded game is in the range
        Assert.Equal(report.GetProperty("games").GetInt32().ToString(CultureInfo.InvariantCulture), await page.StatAsync("games"));
        Assert.Equal(report.GetProperty("wins").GetInt32().ToString(CultureInfo.InvariantCulture), await page.StatAsync("wins"));
        Assert.Equal(Percent(report.GetProperty("winRate").GetDouble()), await page.StatAsync("winRate"));
        Assert.Equal(report.GetProperty("tricksPerHand").GetDouble().ToString("F2", CultureInfo.InvariantCulture), await page.StatAsync("tricksPerHand"));
        Assert.Equal(Percent(report.GetProperty("hakemSuccessRate").GetDouble()), await page.StatAsync("hakemSuccessRate"));
        Assert.Equal(report.GetProperty("kots").GetInt32().ToString(CultureInfo.InvariantCulture), await page.StatAsync("kots"));
        Assert.Equal(report.GetProperty("kotsSuffered").GetInt32().ToString(CultureInfo.InvariantCulture), await page.StatAsync("kotsSuffered"));
        Assert.Equal(Duration(report.GetProperty("averageGameLength").GetString()!), await page.StatAsync("averageGameLength"));
        Assert.Equal(Whole(api.RootElement.GetProperty("totals").GetProperty("rating").GetDouble()), await page.StatAsync("rating"));
        await Expect(page.Page.Locator("#report-stats [data-stat=hakemSuccessRate] .note")).ToHaveTextAsync(
            $"{report.GetProperty("hakemWins").GetInt32()} of {report.GetProperty("hakemHands").GetInt32()} hands won as Hakem");

        // The weekly trend: an inline SVG with one bar per week of the API's trend, in order.
        var weeks = report.GetProperty("weeklyTrend").EnumerateArray()
            .Select(static w => $"{w.GetProperty("week").GetString()}|{w.GetProperty("games").GetInt32()}|{w.GetProperty("wins").GetInt32()}").ToArray();
        Assert.True(weeks.Length >= 4, $"the seeded games span at least four weeks, the API gave {weeks.Length}");
        var chart = page.Page.Locator("#trend svg");
        await Expect(chart).ToHaveCountAsync(1);
        await Expect(chart.Locator("g.week rect.games")).ToHaveCountAsync(weeks.Length);
        var bars = await chart.Locator("g.week").EvaluateAllAsync<string[]>("gs => gs.map(g => [g.dataset.week, g.dataset.games, g.dataset.wins].join('|'))");
        Assert.Equal(weeks, bars);
        Assert.Equal("svg", await chart.EvaluateAsync<string>("s => s.namespaceURI === 'http://www.w3.org/2000/svg' ? 'svg' : s.namespaceURI"));
        Assert.True(await page.FitsTheWidthAsync(), "the report page scrolls sideways at 390 px");
        await page.ScreenshotAsync("report-phone.png");

        // A range that ends before it starts: the server refuses it, and the page shows its answer.
        await page.Page.Locator("#report-from").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Page.Locator("#report-to").FillAsync(today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var refused = await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.Locator("#report-form button[type=submit]").ClickAsync(),
            r => r.Url.Contains($"/api/players/{me}/stats", StringComparison.Ordinal));
        Assert.Equal(400, refused.Status);
        var problem = await StatsPage.JsonAsync(refused);
        var message = problem.GetProperty("errors").GetProperty("to")[0].GetString()!;
        var error = page.Page.Locator("#report-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveAttributeAsync("role", "alert");
        await Expect(error.Locator("li[data-field=to]")).ToHaveTextAsync($"to: {message}");
        await Expect(error.Locator(".problem-title")).ToHaveTextAsync($"{problem.GetProperty("title").GetString()} (400)");
        await Expect(page.Page.Locator("#report-body")).ToBeHiddenAsync();
        await page.ScreenshotAsync("report-error-phone.png");
        Assert.Empty(problems);
        await page.Page.Context.CloseAsync();
    }

    /// <summary>
    /// A registered player with seven finished games over about a month: three this week (two won),
    /// the rest 9, 18 and 30 days ago, with Kots made and suffered.
    /// </summary>
    private async Task<(string PlayerId, string Username)> SeedPlayerWithHistoryAsync(string displayName, string partnerName, string rivalName)
    {
        var seed = new StatsSeed(fixture);
        var username = "p_" + Guid.NewGuid().ToString("N")[..12];
        var me = await seed.RegisterAsync(username, displayName);
        var partner = await seed.GuestAsync(partnerName);
        var rival = await seed.GuestAsync(rivalName);
        var now = DateTimeOffset.UtcNow;
        await seed.GameAsync(now, TimeSpan.FromMinutes(20), me, rival, partner, (0, "H", 7, 3));
        await seed.GameAsync(now, TimeSpan.FromMinutes(25), me, rival, partner, (1, "S", 7, 0));
        await seed.GameAsync(now, TimeSpan.FromMinutes(18), me, rival, partner, (0, "H", 5, 7));
        await seed.GameAsync(now.AddDays(-9), TimeSpan.FromMinutes(31), me, rival, partner, (0, "D", 7, 4), (1, "C", 6, 7), (0, "H", 7, 1));
        await seed.GameAsync(now.AddDays(-9).AddHours(-2), TimeSpan.FromMinutes(12), me, rival, partner, (1, "S", 0, 7));
        await seed.GameAsync(now.AddDays(-18), TimeSpan.FromMinutes(16), me, rival, partner, (0, "C", 7, 0));
        await seed.GameAsync(now.AddDays(-30), TimeSpan.FromMinutes(22), me, rival, partner, (2, "H", 7, 5));
        return (me, username);
    }

    /// <summary>The top rows and the rows around the player are the API's, in its order, with the player's own row marked.</summary>
    private static async Task AssertBoardShownAsync(StatsPage page, JsonElement answer, string type, string me)
    {
        await Expect(page.Leaderboards).ToHaveAttributeAsync("data-board", type);
        await Expect(page.Leaderboards).ToHaveAttributeAsync("data-state", "ready");
        var names = answer.GetProperty("names");
        var top = Rows(answer.GetProperty("board").GetProperty("entries"), names, me);
        Assert.NotEmpty(top);
        Assert.Equal(top, await page.RowsAsync("#lb-top"));

        var around = answer.GetProperty("around");
        var mine = around.GetProperty("player");
        Assert.Equal(me, mine.GetProperty("playerId").GetString());
        Assert.Equal(Rows(around.GetProperty("neighbours"), names, me), await page.RowsAsync("#lb-around"));
        var highlighted = page.Page.Locator("#lb-around tr.me");
        await Expect(highlighted).ToHaveCountAsync(1);
        await Expect(highlighted).ToHaveAttributeAsync("data-player-id", me);
        await Expect(highlighted).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Page.Locator("#lb-me")).ToContainTextAsync($"You are #{mine.GetProperty("rank").GetInt64()} with");
    }

    private static string[] Rows(JsonElement entries, JsonElement names, string me) =>
        [.. entries.EnumerateArray().Select(e =>
        {
            var id = e.GetProperty("playerId").GetString()!;
            var name = names.TryGetProperty(id, out var n) ? n.GetString()! : $"Player {id[..8]}";
            if (id == me)
            {
                name = $"▶ {name} (you)";
            }

            return $"{e.GetProperty("rank").GetInt64()}|{id}|{name}|{Whole(e.GetProperty("score").GetDouble())}";
        })];

    private static string Whole(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Duration(string timeSpan)
    {
        var seconds = (long)Math.Round(TimeSpan.Parse(timeSpan, CultureInfo.InvariantCulture).TotalSeconds, MidpointRounding.AwayFromZero);
        var (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h} h {m} min {s} s")
            : string.Create(CultureInfo.InvariantCulture, $"{m} min {s} s");
    }

    /// <summary>Script errors and Content-Security-Policy violations the page reports.</summary>
    private static List<string> WatchForPageProblems(IPage page)
    {
        var problems = new List<string>();
        page.PageError += (_, error) => { lock (problems) { problems.Add(error); } };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (problems)
                {
                    problems.Add(message.Text);
                }
            }
        };
        return problems;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
