namespace Hokm.Data.Persistence.Model;

/// <summary>A row of <c>players</c>: an account, or a guest.</summary>
public sealed class PlayerRow
{
    /// <summary>The player's id (a GUID in "N" form, or <c>guest-…</c>).</summary>
    public required string Id { get; set; }

    /// <summary>The name the player signs in with, as typed; null for guests.</summary>
    public string? Username { get; set; }

    /// <summary>
    /// <see cref="Username"/> folded to lower case: the unique index is on this column, so that
    /// "Sara" and "sara" cannot both exist on either provider (SQLite has no case-insensitive collation for non-ASCII).
    /// </summary>
    public string? UsernameNormalized { get; set; }

    /// <summary>The name shown at the table.</summary>
    public required string DisplayName { get; set; }

    /// <summary>The password hash (format chosen by the server's auth); null for guests.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>True for a guest player.</summary>
    public bool IsGuest { get; set; }

    /// <summary>The player's rating.</summary>
    public double Rating { get; set; } = PersistenceDefaults.InitialRating;

    /// <summary>When the player was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedLogins { get; set; }

    /// <summary>Until when sign-in is refused; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}
