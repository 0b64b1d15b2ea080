namespace Hokm.Server.Auth;

/// <summary>Issues and validates the signed bearer tokens players connect with.</summary>
public interface ITokenService
{
    /// <summary>A signed token for <paramref name="player"/>, valid for the configured lifetime.</summary>
    string Issue(PlayerIdentity player);

    /// <summary>The identity in a token, or null when the token is malformed, forged or expired.</summary>
    PlayerIdentity? Validate(string token);
}
