namespace Hokm.Data.Persistence.Accounts;

/// <summary>A player to create.</summary>
/// <param name="Id">The player's id (a GUID in "N" form, or <c>guest-…</c>).</param>
/// <param name="Username">The sign-in name; null for guests. Unique regardless of case.</param>
/// <param name="DisplayName">The name shown at the table.</param>
/// <param name="PasswordHash">The password hash; null for guests.</param>
/// <param name="IsGuest">True for a guest.</param>
public sealed record NewPlayerAccount(string Id, string? Username, string DisplayName, string? PasswordHash, bool IsGuest);
