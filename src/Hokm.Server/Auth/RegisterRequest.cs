namespace Hokm.Server.Auth;

/// <summary>Body of <c>POST /api/auth/register</c>.</summary>
/// <param name="Username">3–24 of ASCII letters, digits, '_' and '-'; unique regardless of case.</param>
/// <param name="Password">8–128 characters.</param>
/// <param name="DisplayName">Optional name shown at the table (rules of a guest name); the username when absent.</param>
public sealed record RegisterRequest(string? Username, string? Password, string? DisplayName);
