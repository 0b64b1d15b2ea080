using Hokm.Data.Persistence.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Auth;

/// <summary>
/// Guests, registration and sign-in on top of <see cref="IPlayerAccountStore"/> (written through to
/// the persistent store): a token is issued only after the account row is stored, so a store
/// failure leaves nothing half-created. Passwords are hashed with ASP.NET Core Identity's PBKDF2
/// <see cref="PasswordHasher{TUser}"/>.
/// </summary>
internal sealed class AccountService(
    IPlayerAccountStore accounts,
    IPasswordHasher<PlayerAccount> hasher,
    ITokenService tokens,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<AccountService> logger)
{
    private const string GuestIdPrefix = "guest-";

    // Compared against when the username is unknown, so "no such user" costs as much as "wrong password".
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(Decoy, Guid.NewGuid().ToString("N")));

    private static readonly PlayerAccount Decoy = new("decoy", "decoy", "decoy", null, false, 0, default, 0, null);

    /// <summary>Creates a guest player and signs it in.</summary>
    public async Task<AuthResponse> CreateGuestAsync(string name, CancellationToken cancellationToken)
    {
        var id = GuestIdPrefix + Guid.NewGuid().ToString("N");
        var account = await accounts.CreateAsync(new NewPlayerAccount(id, null, name, null, IsGuest: true), cancellationToken);
        AuthLog.GuestCreated(logger, account.Id);
        return Respond(account);
    }

    /// <summary>Creates an account and signs it in.</summary>
    /// <exception cref="UsernameTakenException">The username is taken, in any case.</exception>
    public async Task<AuthResponse> RegisterAsync(string username, string password, string displayName, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var hash = hasher.HashPassword(Decoy, password);
        PlayerAccount account;
        try
        {
            account = await accounts.CreateAsync(new NewPlayerAccount(id, username, displayName, hash, IsGuest: false), cancellationToken);
        }
        catch (UsernameTakenException)
        {
            AuthLog.UsernameTaken(logger);
            throw;
        }

        AuthLog.Registered(logger, account.Id);
        return Respond(account);
    }

    /// <summary>Signs a player in; null for any refusal (unknown user, wrong password, locked), never saying which.</summary>
    public async Task<AuthResponse?> LoginAsync(string username, string password, CancellationToken cancellationToken)
    {
        var account = await accounts.FindByUsernameAsync(username, cancellationToken);
        if (account?.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(Decoy, _decoyHash.Value, password);
            return null;
        }

        if (account.IsLockedAt(time.GetUtcNow()))
        {
            // While locked, the password is not even checked: guessing gains nothing and does not extend the lock.
            AuthLog.SignInRefused(logger, "locked", account.Id);
            return null;
        }

        if (hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            var after = await accounts.RecordFailedLoginAsync(account.Id, settings.MaxFailedLogins, settings.LockoutDuration, cancellationToken);
            if (after?.LockedUntil is { } until && after.IsLockedAt(time.GetUtcNow()))
            {
                AuthLog.LockedOut(logger, account.Id, until);
            }
            else
            {
                AuthLog.SignInRefused(logger, "wrong_password", account.Id);
            }

            return null;
        }

        if (account.FailedLogins > 0 || account.LockedUntil is not null)
        {
            await accounts.ResetFailedLoginsAsync(account.Id, cancellationToken);
        }

        AuthLog.SignedIn(logger, account.Id);
        return Respond(account);
    }

    private AuthResponse Respond(PlayerAccount account) =>
        new(account.Id, account.DisplayName, tokens.Issue(new PlayerIdentity(account.Id, account.DisplayName, account.IsGuest)));
}
