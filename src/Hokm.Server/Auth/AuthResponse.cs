namespace Hokm.Server.Auth;

/// <summary>Answer of the guest, register and login endpoints.</summary>
/// <param name="PlayerId">The player's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Token">The bearer token for <c>/ws</c> and authenticated HTTP endpoints.</param>
public sealed record AuthResponse(string PlayerId, string Name, string Token);
