using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hokm.Server.Tests.Browser;

/// <summary>One person's page of the web client, driven the way a person would use it.</summary>
internal sealed class TablePage
{
    // Generous: with two people at one table, one page may wait for the other to act (up to two
    // turns of the 30 s limit when the other page is slow, as on a heavily loaded CI machine).
    private static readonly TimeSpan s_moveWait = TimeSpan.FromSeconds(120);
    private readonly ConcurrentQueue<string> _errors = new();

    public TablePage(IPage page)
    {
        Page = page;
        // Every error frame the server sends this page: a client that only plays legal moves gets none.
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Text is { } text && text.Contains("\"type\":\"error\"", StringComparison.Ordinal))
            {
                _errors.Enqueue(text);
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyCollection<string> ServerErrors => _errors;

    /// <summary>Cards a non-legal card was tried on (force-clicked) without being played.</summary>
    public int RefusedIllegalClicks { get; private set; }

    public ILocator Hand => Page.Locator("#hand button.card");

    public ILocator PlayableCards => Page.Locator("#hand button.card:not([disabled])");

    public ILocator TrickCards => Page.Locator("#trick .card");

    public ILocator GameOver => Page.Locator("#summary-lobby:not([hidden])");

    public async Task SignInAsGuestAsync(string name, string path = "/")
    {
        await Page.GotoAsync(path);
        await Page.Locator("#guest-name").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Play as guest" }).ClickAsync();
        await Expect(Page.Locator("#who-name")).ToHaveTextAsync(name);
    }

    public async Task<string> CreateRoomAsync(int bots, int targetScore)
    {
        await Expect(Page.Locator("#lobby")).ToBeVisibleAsync();
        await Page.Locator("#create-bots").SelectOptionAsync(bots.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#create-target").SelectOptionAsync(targetScore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create room" }).ClickAsync();
        await Expect(Page.Locator("#table")).ToBeVisibleAsync();
        await Expect(Page.Locator("#room-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{6}$"));
        return await Page.Locator("#room-code").InnerTextAsync();
    }

    /// <summary>Waits until this player has something to do: name trump, play a card, or the game is over.</summary>
    /// <returns>False once the game is over.</returns>
    public async Task<bool> WaitForMoveAsync()
    {
        var anything = Page.Locator("#hand button.card:not([disabled]), #trump-chooser:not([hidden]) button, #summary-lobby:not([hidden])").First;
        await anything.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)s_moveWait.TotalMilliseconds });
        return !await GameOver.IsVisibleAsync();
    }

    /// <summary>Makes this player's next move with the mouse, clicking only enabled (legal) cards.</summary>
    /// <returns>False once the game is over.</returns>
    public async Task<bool> MoveAsync(Func<Task>? beforeCard = null)
    {
        if (!await WaitForMoveAsync())
        {
            return false;
        }

        var chooser = Page.Locator("#trump-chooser");
        if (await chooser.IsVisibleAsync())
        {
            await chooser.Locator("button").First.ClickAsync();
            await Expect(chooser).ToBeHiddenAsync();
            return true;
        }

        if (beforeCard is not null)
        {
            await beforeCard();
        }

        var disabled = Page.Locator("#hand button.card[disabled]");
        if (RefusedIllegalClicks == 0 && await disabled.CountAsync() > 0)
        {
            await TryIllegalCardAsync(disabled.First);
        }

        var card = PlayableCards.First;
        var code = await card.GetAttributeAsync("data-card");
        await card.ClickAsync();
        await Expect(Page.Locator($"#hand button[data-card=\"{code}\"]")).ToHaveCountAsync(0, new() { Timeout = (float)s_moveWait.TotalMilliseconds });
        return true;
    }

    public async Task PlayToGameOverAsync(Func<Task>? beforeCard = null)
    {
        while (await MoveAsync(beforeCard))
        {
        }

        await Expect(Page.Locator("#summary-title")).ToHaveTextAsync("Game over");
    }

    /// <summary>A card that is not legal is a disabled button: even a forced click plays nothing.</summary>
    private async Task TryIllegalCardAsync(ILocator card)
    {
        var code = await card.GetAttributeAsync("data-card");
        await Expect(card).ToBeDisabledAsync();
        var before = await Hand.CountAsync();
        await card.ClickAsync(new() { Force = true, Timeout = 5_000 });
        await Expect(Page.Locator($"#hand button[data-card=\"{code}\"]")).ToHaveCountAsync(1);
        Assert.Equal(before, await Hand.CountAsync());
        RefusedIllegalClicks++;
    }

    /// <summary>The cards of this hand as shown, in order.</summary>
    public async Task<string[]> HandCardsAsync() =>
        [.. (await Hand.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.card)"))];

    /// <summary>The cards on the table as "seat:card".</summary>
    public async Task<string[]> TrickAsync() =>
        [.. (await TrickCards.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.seat + ':' + e.dataset.card)"))];

    public Task<string?> TurnAsync() => Page.Locator("#table").GetAttributeAsync("data-turn");

    public async Task ScreenshotAsync(string fileName) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, fileName), FullPage = true });
}
