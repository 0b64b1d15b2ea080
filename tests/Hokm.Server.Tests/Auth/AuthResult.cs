namespace Hokm.Server.Tests.Auth;

/// <summary>The auth endpoints' answer, as a client reads it.</summary>
internal sealed record AuthResult(string PlayerId, string Name, string Token);
