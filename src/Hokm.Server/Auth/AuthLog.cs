namespace Hokm.Server.Auth;

/// <summary>Log messages of accounts and tokens (event ids 3000–3099).</summary>
internal static partial class AuthLog
{
    [LoggerMessage(3000, LogLevel.Information, "Auth: token signing key taken from configuration (Hokm:Auth:SigningKey)")]
    public static partial void SigningKeyConfigured(ILogger logger);

    [LoggerMessage(3001, LogLevel.Warning, "Auth: no Hokm:Auth:SigningKey configured; using the generated key in {KeyFile} (created now: {Created}). Configure a key in production")]
    public static partial void SigningKeyGenerated(ILogger logger, string keyFile, bool created);

    [LoggerMessage(3010, LogLevel.Information, "Auth: guest {PlayerId} signed in")]
    public static partial void GuestCreated(ILogger logger, string playerId);

    [LoggerMessage(3011, LogLevel.Information, "Auth: player {PlayerId} registered")]
    public static partial void Registered(ILogger logger, string playerId);

    [LoggerMessage(3012, LogLevel.Information, "Auth: player {PlayerId} signed in")]
    public static partial void SignedIn(ILogger logger, string playerId);

    [LoggerMessage(3013, LogLevel.Information, "Auth: sign-in refused ({Reason}) for player {PlayerId}")]
    public static partial void SignInRefused(ILogger logger, string reason, string playerId);

    [LoggerMessage(3014, LogLevel.Warning, "Auth: player {PlayerId} locked out until {LockedUntil} after repeated failed sign-ins")]
    public static partial void LockedOut(ILogger logger, string playerId, DateTimeOffset lockedUntil);

    [LoggerMessage(3015, LogLevel.Information, "Auth: registration refused, the username is taken")]
    public static partial void UsernameTaken(ILogger logger);
}
