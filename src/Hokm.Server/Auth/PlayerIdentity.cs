namespace Hokm.Server.Auth;

/// <summary>Who a bearer token speaks for.</summary>
/// <param name="PlayerId">The player's id (letters, digits, '_' and '-'; at most 64).</param>
/// <param name="Name">The display name.</param>
/// <param name="Guest">True for a guest account.</param>
public sealed record PlayerIdentity(string PlayerId, string Name, bool Guest);
