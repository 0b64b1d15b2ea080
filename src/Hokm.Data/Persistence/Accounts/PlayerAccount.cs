namespace Hokm.Data.Persistence.Accounts;

/// <summary>A player as stored in <c>players</c>.</summary>
/// <param name="Id">The player's id.</param>
/// <param name="Username">The sign-in name as typed; null for guests.</param>
/// <param name="DisplayName">The name shown at the table.</param>
/// <param name="PasswordHash">The password hash; null for guests.</param>
/// <param name="IsGuest">True for a guest.</param>
/// <param name="Rating">The rating.</param>
/// <param name="CreatedAt">When the player was created.</param>
/// <param name="FailedLogins">Failed sign-ins since the last success or lockout.</param>
/// <param name="LockedUntil">Until when sign-in is refused; null when not locked.</param>
public sealed record PlayerAccount(
    string Id,
    string? Username,
    string DisplayName,
    string? PasswordHash,
    bool IsGuest,
    double Rating,
    DateTimeOffset CreatedAt,
    int FailedLogins,
    DateTimeOffset? LockedUntil)
{
    /// <summary>True when sign-in is refused at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
