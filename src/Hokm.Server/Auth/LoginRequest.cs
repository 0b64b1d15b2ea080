namespace Hokm.Server.Auth;

/// <summary>Body of <c>POST /api/auth/login</c>.</summary>
/// <param name="Username">The username, in any case.</param>
/// <param name="Password">The password.</param>
public sealed record LoginRequest(string? Username, string? Password);
