namespace Hokm.Data.Persistence.Accounts;

/// <summary>Player accounts, written through to the persistent store (the server's sign-in uses it).</summary>
public interface IPlayerAccountStore
{
    /// <summary>Creates a player.</summary>
    /// <exception cref="UsernameTakenException">Another player has the same username, regardless of case.</exception>
    Task<PlayerAccount> CreateAsync(NewPlayerAccount player, CancellationToken cancellationToken = default);

    /// <summary>The player with this id, or null.</summary>
    Task<PlayerAccount?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The player with this username (compared as <see cref="Usernames.Normalize"/> does), or null.</summary>
    Task<PlayerAccount?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a failed sign-in; on the <paramref name="maxFailures"/>-th in a row the account is
    /// locked for <paramref name="lockout"/> and the count starts again. Returns the account after
    /// the change, or null when there is no such player.
    /// </summary>
    Task<PlayerAccount?> RecordFailedLoginAsync(string id, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken = default);

    /// <summary>After a successful sign-in: clears the failure count and any lock. False when there is no such player.</summary>
    Task<bool> ResetFailedLoginsAsync(string id, CancellationToken cancellationToken = default);
}
