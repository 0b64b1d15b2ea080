using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hokm.Server.Tests.Browser;

/// <summary>
/// The web client (src/Hokm.Server/wwwroot) in real Chromium against the real server: what a
/// person does in the browser, end to end.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebClientTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_page_is_served_at_the_root_with_a_content_security_policy()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("js/app.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var script = await http.GetAsync(new Uri("/js/app.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("no-cache", script.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_guest_plays_a_whole_game_against_three_bots_clicking_only_legal_cards()
    {
        var me = new TablePage(await fixture.NewPersonAsync());
        await me.SignInAsGuestAsync("alice");
        await me.ScreenshotAsync("lobby.png");
        await me.CreateRoomAsync(bots: 3, targetScore: 1);

        var tableShot = false;
        while (await me.MoveAsync(async () =>
        {
            if (!tableShot && await IsMidTrickAsync(me))
            {
                await me.ScreenshotAsync("table.png");
                tableShot = true;
            }
        }))
        {
        }

        await Expect(me.Page.Locator("#summary-title")).ToHaveTextAsync("Game over");
        await Expect(me.Page.Locator("#summary-text")).ToContainTextAsync("wins the game");
        Assert.True(me.RefusedIllegalClicks > 0, "no turn offered a card that was not legal");
        Assert.Empty(me.ServerErrors);
        await me.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reload_mid_trick_brings_back_the_hand_the_table_and_the_turn_and_the_game_then_finishes()
    {
        var me = new TablePage(await fixture.NewPersonAsync());
        await me.SignInAsGuestAsync("bahram");
        var room = await me.CreateRoomAsync(bots: 3, targetScore: 1);

        var reloaded = false;
        while (await me.MoveAsync(async () =>
        {
            if (reloaded || !await IsMidTrickAsync(me))
            {
                return;
            }

            var hand = await me.HandCardsAsync();
            var trick = await me.TrickAsync();
            var turn = await me.TurnAsync();
            await me.Page.ReloadAsync();

            await Expect(me.Page.Locator("#room-code")).ToHaveTextAsync(room);
            await Expect(me.Hand).ToHaveCountAsync(hand.Length);
            await Expect(me.TrickCards).ToHaveCountAsync(trick.Length);
            await Expect(me.PlayableCards.First).ToBeVisibleAsync();
            Assert.Equal(hand, await me.HandCardsAsync());
            Assert.Equal(trick, await me.TrickAsync());
            Assert.Equal(turn, await me.TurnAsync());
            reloaded = true;
        }))
        {
        }

        Assert.True(reloaded, "never reached the middle of a trick on this player's turn");
        await Expect(me.Page.Locator("#summary-title")).ToHaveTextAsync("Game over");
        Assert.Empty(me.ServerErrors);
        await me.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lost_connection_shows_a_banner_reconnects_by_itself_and_redraws_the_table()
    {
        var page = await fixture.NewPersonAsync();
        var me = new TablePage(page);
        var reachable = true;
        IWebSocketRoute? live = null;
        // Playwright stands between the page and /ws, so the test can cut the line and keep it cut.
        await page.RouteWebSocketAsync(url => url.Contains("/ws?", StringComparison.Ordinal), socket =>
        {
            if (!Volatile.Read(ref reachable))
            {
                _ = socket.CloseAsync(new() { Code = 4000, Reason = "test: server unreachable" });
                return;
            }

            live = socket;
            socket.ConnectToServer();
        });
        await me.SignInAsGuestAsync("golnar");
        await me.CreateRoomAsync(bots: 3, targetScore: 1);
        Assert.True(await me.WaitForMoveAsync());
        var hand = await me.HandCardsAsync();

        Volatile.Write(ref reachable, false);
        await live!.CloseAsync(new() { Code = 4000, Reason = "test: connection lost" });
        await Expect(page.Locator("#banner")).ToBeVisibleAsync();
        await Expect(page.Locator("#banner")).ToContainTextAsync("reconnecting");

        Volatile.Write(ref reachable, true);
        await Expect(page.Locator("#banner")).ToBeHiddenAsync();
        await Expect(me.Hand).ToHaveCountAsync(hand.Length);
        Assert.Equal(hand, await me.HandCardsAsync());
        await me.PlayToGameOverAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_people_and_two_bots_play_one_game_through_a_shared_room_link()
    {
        var host = new TablePage(await fixture.NewPersonAsync());
        await host.SignInAsGuestAsync("dara");
        var room = await host.CreateRoomAsync(bots: 2, targetScore: 1);
        await Expect(host.Page.Locator("#waiting")).ToBeVisibleAsync();
        var link = await host.Page.Locator("#share-link").InputValueAsync();
        Assert.EndsWith($"/?room={room}", link, StringComparison.Ordinal);

        // The second person is on a phone.
        var guest = new TablePage(await fixture.NewPersonAsync(new ViewportSize { Width = 390, Height = 844 }));
        await guest.SignInAsGuestAsync("eli", new Uri(link).PathAndQuery);
        await Expect(guest.Page.Locator("#room-code")).ToHaveTextAsync(room);
        await Expect(host.Page.Locator("#felt")).ToContainTextAsync("eli");
        await Expect(guest.Page.Locator("#felt")).ToContainTextAsync("dara");

        var phoneShot = false;
        await Task.WhenAll(
            host.PlayToGameOverAsync(),
            guest.PlayToGameOverAsync(async () =>
            {
                if (!phoneShot)
                {
                    await guest.ScreenshotAsync("table-phone.png");
                    phoneShot = true;
                }
            }));
        Assert.Equal(await FinalScoreAsync(host), await FinalScoreAsync(guest));
        Assert.Empty(host.ServerErrors);
        Assert.Empty(guest.ServerErrors);
        await host.Page.Context.CloseAsync();
        await guest.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_keyboard_alone_signs_in_creates_a_room_and_plays_full_tricks()
    {
        var me = new TablePage(await fixture.NewPersonAsync());
        var page = me.Page;
        await page.GotoAsync("/");
        await TabToAsync(page, "#guest-name");
        await page.Keyboard.TypeAsync("farah");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#lobby")).ToBeVisibleAsync();
        await TabToAsync(page, "#create-target");
        await page.Keyboard.PressAsync("Home"); // 1 point to win: the game ends soon after the test
        await Expect(page.Locator("#create-target")).ToHaveValueAsync("1");
        await TabToAsync(page, "#create-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#table")).ToBeVisibleAsync();

        var played = 0;
        while (played < 2 || await page.Locator("#table").GetAttributeAsync("data-tricks-played") is "0" or null)
        {
            Assert.True(await me.WaitForMoveAsync(), "the game ended before two tricks");
            if (await page.Locator("#trump-chooser").IsVisibleAsync())
            {
                await TabToAsync(page, "#trump-chooser button");
                await page.Keyboard.PressAsync("Enter");
                await Expect(page.Locator("#trump-chooser")).ToBeHiddenAsync();
                continue;
            }

            await TabToAsync(page, "#hand button.card:not([disabled])");
            var card = await page.EvaluateAsync<string>("() => document.activeElement.dataset.card");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator($"#hand button[data-card=\"{card}\"]")).ToHaveCountAsync(0);
            played++;
        }

        Assert.Empty(me.ServerErrors);
        await page.Context.CloseAsync();
    }

    private static async Task<string> FinalScoreAsync(TablePage page) =>
        (await page.Page.Locator("#summary-text").InnerTextAsync()).Split("Score:")[1].Trim();

    /// <summary>It is this player's turn with some, not all, cards of the current trick on the table.</summary>
    private static async Task<bool> IsMidTrickAsync(TablePage me) =>
        await me.TrickCards.CountAsync() is > 0 and < 4 && await me.Page.Locator("#trick .slot.winner").CountAsync() == 0;

    /// <summary>Presses Tab (at most a page's worth of times) until the focused element matches.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector}");
    }
}
