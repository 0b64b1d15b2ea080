namespace Hokm.Server.Auth;

/// <summary>Body of <c>POST /api/auth/guest</c>.</summary>
/// <param name="Name">The name to show at the table: 1–24 characters after trimming, no control characters.</param>
public sealed record GuestRequest(string? Name);
