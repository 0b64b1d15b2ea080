using System.Text;
using Hokm.Data.Configuration;
using Hokm.Data.Persistence;
using Hokm.Server.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hokm.Server.Tests.Auth;

/// <summary>ITokenService: what it issues validates; forged, expired, altered or garbage tokens do not.</summary>
public sealed class TokenServiceTests
{
    private static readonly PlayerIdentity Alice = new("guest-0123456789abcdef", "Alice", Guest: true);

    [Fact]
    public void An_issued_token_validates_to_the_same_identity()
    {
        var tokens = CreateService(new ShiftedTimeProvider());

        Assert.Equal(Alice, tokens.Validate(tokens.Issue(Alice)));
        var member = new PlayerIdentity("0123456789abcdef0123456789abcdef", "Bahram", Guest: false);
        Assert.Equal(member, tokens.Validate(tokens.Issue(member)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.")]
    public void Garbage_is_rejected(string token)
    {
        Assert.Null(CreateService(new ShiftedTimeProvider()).Validate(token));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_rejected()
    {
        var tokens = CreateService(new ShiftedTimeProvider());
        var forger = CreateService(new ShiftedTimeProvider(), key: "another-key-of-enough-length-0123456789-abcdef");

        Assert.Null(tokens.Validate(forger.Issue(Alice)));
    }

    [Fact]
    public void A_token_whose_payload_was_altered_is_rejected()
    {
        var tokens = CreateService(new ShiftedTimeProvider());
        var parts = tokens.Issue(Alice).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var altered = Base64UrlEncoder.Encode(payload.Replace("guest-0123456789abcdef", "guest-fedcba9876543210", StringComparison.Ordinal));

        Assert.Null(tokens.Validate($"{parts[0]}.{altered}.{parts[2]}"));
    }

    [Fact]
    public void An_unsigned_token_is_rejected()
    {
        var tokens = CreateService(new ShiftedTimeProvider());
        var now = DateTime.UtcNow;
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "hokm",
            Audience = "hokm",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = Alice.PlayerId, ["name"] = Alice.Name, ["guest"] = true },
        });

        Assert.Null(tokens.Validate(unsigned));
    }

    [Theory]
    [InlineData("someone-else", "hokm")]
    [InlineData("hokm", "someone-else")]
    public void A_token_for_another_issuer_or_audience_is_rejected(string issuer, string audience)
    {
        var tokens = CreateService(new ShiftedTimeProvider());
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(AuthServer.SigningKey)), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["sub"] = Alice.PlayerId, ["name"] = Alice.Name, ["guest"] = true },
        });

        Assert.Null(tokens.Validate(token));
    }

    [Fact]
    public void A_token_expires_after_its_lifetime_and_small_clock_skew_is_tolerated()
    {
        var clock = new ShiftedTimeProvider();
        var tokens = CreateService(clock);
        var token = tokens.Issue(Alice);

        clock.Offset = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);
        Assert.NotNull(tokens.Validate(token));
        clock.Offset = TimeSpan.FromDays(7) + TimeSpan.FromSeconds(30);
        Assert.NotNull(tokens.Validate(token));
        clock.Offset = TimeSpan.FromDays(7) + TimeSpan.FromMinutes(2);
        Assert.Null(tokens.Validate(token));

        // Issued by a node whose clock runs 30 s ahead: still valid here.
        clock.Offset = TimeSpan.FromSeconds(30);
        var early = tokens.Issue(Alice);
        clock.Offset = TimeSpan.Zero;
        Assert.NotNull(tokens.Validate(early));
        clock.Offset = TimeSpan.FromMinutes(5);
        var future = tokens.Issue(Alice);
        clock.Offset = TimeSpan.Zero;
        Assert.Null(tokens.Validate(future));
    }

    [Fact]
    public void The_token_lifetime_is_an_option()
    {
        var clock = new ShiftedTimeProvider();
        var tokens = CreateService(clock, lifetime: TimeSpan.FromHours(1));
        var token = tokens.Issue(Alice);

        clock.Offset = TimeSpan.FromHours(2);

        Assert.Null(tokens.Validate(token));
    }

    private static JwtTokenService CreateService(TimeProvider time, string key = AuthServer.SigningKey, TimeSpan? lifetime = null)
    {
        var auth = Options.Create(new AuthOptions { SigningKey = key, TokenLifetime = lifetime ?? TimeSpan.FromDays(7) });
        var environment = new HostingEnvironment { EnvironmentName = Environments.Production };
        var keys = new SigningKeySource(auth, Options.Create(new HybridDataOptions()), Options.Create(new PersistenceOptions()), environment, NullLogger<SigningKeySource>.Instance);
        return new JwtTokenService(auth, keys, time);
    }
}
