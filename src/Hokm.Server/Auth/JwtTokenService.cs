using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hokm.Server.Auth;

/// <summary>
/// Signed JWTs (HMAC-SHA256) carrying the player's id (<c>sub</c>), name and guest flag. The same
/// <see cref="ValidationParameters"/> serve <see cref="Validate"/> (the WebSocket upgrade) and the
/// JwtBearer scheme (HTTP endpoints), and both read the clock through <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class JwtTokenService : ITokenService
{
    /// <summary>The claim holding the display name.</summary>
    public const string NameClaim = "name";

    /// <summary>The claim holding the guest flag (a JSON boolean).</summary>
    public const string GuestClaim = "guest";

    private readonly AuthOptions _options;
    private readonly TimeProvider _time;
    private readonly SigningCredentials _credentials;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public JwtTokenService(IOptions<AuthOptions> options, SigningKeySource keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        _options = options.Value;
        _time = time;
        var key = keys.Load();
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        ValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateIssuerSigningKey = true,
            ValidateLifetime = true,
            ClockSkew = _options.ClockSkew,
            LifetimeValidator = IsWithinLifetime,
            NameClaimType = NameClaim,
        };
    }

    /// <summary>How tokens are checked; shared with the JwtBearer scheme.</summary>
    public TokenValidationParameters ValidationParameters { get; }

    public string Issue(PlayerIdentity player)
    {
        ArgumentNullException.ThrowIfNull(player);
        if (!IsValidPlayerId(player.PlayerId))
        {
            throw new ArgumentException("A player id is 1-64 of letters, digits, '_' and '-'.", nameof(player));
        }

        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.TokenLifetime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Sub] = player.PlayerId,
                [NameClaim] = player.Name,
                [GuestClaim] = player.Guest,
            },
        });
    }

    public PlayerIdentity? Validate(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > _handler.MaximumTokenSizeInBytes)
        {
            return null;
        }

        // With a symmetric key and no metadata to fetch, validation runs synchronously: the task is already complete.
        var result = _handler.ValidateTokenAsync(token, ValidationParameters).GetAwaiter().GetResult();
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        return jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var id) && IsValidPlayerId(id)
            && jwt.TryGetPayloadValue<string>(NameClaim, out var name) && !string.IsNullOrEmpty(name)
            && jwt.TryGetPayloadValue<bool>(GuestClaim, out var guest)
            ? new PlayerIdentity(id, name, guest)
            : null;
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var skew = parameters.ClockSkew;
        return (notBefore is null || notBefore.Value <= now + skew) && expires.Value >= now - skew;
    }

    private static bool IsValidPlayerId(string? id) => id is not null && PlayerIdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex PlayerIdPattern();
}
