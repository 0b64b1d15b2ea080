using Hokm.Data.Persistence;
using Hokm.Data.Persistence.Accounts;

namespace Hokm.Data.Tests.Persistence;

/// <summary>Player accounts, written through.</summary>
public abstract class PlayerAccountTests(PersistenceProvider provider)
{
    [Fact]
    public async Task A_created_player_is_found_by_id_and_by_username_in_any_case()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);

        var created = await harness.Accounts.CreateAsync(new NewPlayerAccount("0f8fad5bd9cb469fa165708", "Sara", "Sara J.", "hash", false));

        Assert.Equal(("Sara", "Sara J.", 1500d, 0, PersistenceHarness.Start), (created.Username, created.DisplayName, created.Rating, created.FailedLogins, created.CreatedAt));
        Assert.Equal(created, await harness.Accounts.FindByIdAsync(created.Id));
        Assert.Equal(created, await harness.Accounts.FindByUsernameAsync("sara"));
        Assert.Equal(created, await harness.Accounts.FindByUsernameAsync("  SARA "));
        Assert.Null(await harness.Accounts.FindByUsernameAsync("sarah"));
        Assert.Null(await harness.Accounts.FindByIdAsync("nobody"));
    }

    [Theory]
    [InlineData("sara", "SARA")]
    [InlineData("Dariush", "dARIUSH")]
    [InlineData("Ëlla", "ëlla")]
    public async Task Usernames_are_unique_regardless_of_case(string first, string second)
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await harness.Accounts.CreateAsync(new NewPlayerAccount("p1", first, "One", "hash", false));

        var error = await Assert.ThrowsAsync<UsernameTakenException>(() => harness.Accounts.CreateAsync(new NewPlayerAccount("p2", second, "Two", "hash", false)));

        Assert.Equal(second, error.Username);
        Assert.Equal("username_taken", error.Code);
        Assert.Null(await harness.Accounts.FindByIdAsync("p2"));
    }

    [Fact]
    public async Task Guests_need_no_username()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);

        await harness.Accounts.CreateAsync(new NewPlayerAccount("guest-1", null, "Guest 1", null, true));
        var second = await harness.Accounts.CreateAsync(new NewPlayerAccount("guest-2", null, "Guest 2", null, true));

        Assert.True(second.IsGuest);
        Assert.Null(second.Username);
        Assert.Equal(second, await harness.Accounts.FindByIdAsync("guest-2"));
    }

    [Fact]
    public async Task Failed_logins_lock_the_account_and_a_success_clears_them()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await harness.Accounts.CreateAsync(new NewPlayerAccount("p1", "sara", "Sara", "hash", false));
        var lockout = TimeSpan.FromMinutes(15);

        var first = await harness.Accounts.RecordFailedLoginAsync("p1", 3, lockout);
        var second = await harness.Accounts.RecordFailedLoginAsync("p1", 3, lockout);
        var third = await harness.Accounts.RecordFailedLoginAsync("p1", 3, lockout);

        Assert.Equal((1, false), (first!.FailedLogins, first.IsLockedAt(harness.Time.GetUtcNow())));
        Assert.Equal((2, false), (second!.FailedLogins, second.IsLockedAt(harness.Time.GetUtcNow())));
        Assert.Equal(0, third!.FailedLogins);
        Assert.Equal(PersistenceHarness.Start + lockout, third.LockedUntil);
        Assert.True(third.IsLockedAt(harness.Time.GetUtcNow()));
        Assert.False(third.IsLockedAt(harness.Time.GetUtcNow() + lockout));

        Assert.True(await harness.Accounts.ResetFailedLoginsAsync("p1"));
        var reset = await harness.Accounts.FindByIdAsync("p1");
        Assert.Equal((0, (DateTimeOffset?)null), (reset!.FailedLogins, reset.LockedUntil));
        Assert.Null(await harness.Accounts.RecordFailedLoginAsync("nobody", 3, lockout));
        Assert.False(await harness.Accounts.ResetFailedLoginsAsync("nobody"));
    }
}

public sealed class PlayerAccountsOnPostgresTests() : PlayerAccountTests(PersistenceProvider.PostgreSql);

public sealed class PlayerAccountsOnSqliteTests() : PlayerAccountTests(PersistenceProvider.Sqlite);
