using Hokm.Data.Configuration;
using Hokm.Data.Persistence;
using Hokm.Data.Persistence.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Auth;

/// <summary>Accounts and tokens: registration and endpoints.</summary>
internal static class AuthExtensions
{
    /// <summary>
    /// Adds <see cref="ITokenService"/> (JWT, HMAC-SHA256), the JwtBearer scheme with the same
    /// validation, password hashing, the account service and the auth rate-limiter policies.
    /// Options: <c>Hokm:Auth</c> and <c>Hokm:Auth:RateLimit</c>, checked at start.
    /// </summary>
    public static WebApplicationBuilder AddHokmAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(static o => string.IsNullOrEmpty(o.SigningKey) || SigningKeySource.Decode(o.SigningKey) is not null, SigningKeySource.InvalidKeyMessage)
            .Validate<IHostEnvironment, IOptions<HybridDataOptions>, IOptions<PersistenceOptions>>(
                static (o, environment, data, persistence) =>
                    !string.IsNullOrEmpty(o.SigningKey) || SigningKeySource.MayGenerate(o, data.Value, persistence.Value, environment),
                SigningKeySource.MissingKeyMessage)
            .ValidateOnStart();
        services.AddOptions<AuthRateLimitOptions>()
            .BindConfiguration(AuthRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SigningKeySource>();
        services.TryAddSingleton<JwtTokenService>();
        services.TryAddSingleton<ITokenService>(static sp => sp.GetRequiredService<JwtTokenService>());
        services.TryAddSingleton<IPasswordHasher<PlayerAccount>, PasswordHasher<PlayerAccount>>();
        services.TryAddSingleton<AccountService>();
        services.AddHostedService<AuthStartup>();

        services.ConfigureHttpJsonOptions(static o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AuthJsonContext.Default));

        // A body that is not JSON (or not the right JSON) is a 400 answered by the problem-details
        // status-code page, in every environment, rather than an exception.
        services.Configure<RouteHandlerOptions>(static o => o.ThrowOnBadRequest = false);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtTokenService, TimeProvider>(static (o, tokens, time) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = tokens.ValidationParameters;
                o.TimeProvider = time;
                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on a WebSocket: there the token may come as ?access_token=.
                    OnMessageReceived = static context =>
                    {
                        if (string.IsNullOrEmpty(context.Token)
                            && IsWebSocketUpgrade(context.Request)
                            && context.Request.Query.TryGetValue("access_token", out var token))
                        {
                            context.Token = token.ToString();
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorization();
        services.AddRateLimiter(AuthRateLimiting.Configure);
        return builder;
    }

    /// <summary>Maps <c>/api/auth/guest</c>, <c>/api/auth/register</c> and <c>/api/auth/login</c>.</summary>
    public static IEndpointRouteBuilder MapHokmAuth(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value;
        endpoints.MapAuthApi(options.MaxRequestBodyBytes);
        return endpoints;
    }

    // Read from the request itself: the WebSockets middleware may run after authentication.
    private static bool IsWebSocketUpgrade(HttpRequest request) =>
        request.HttpContext.WebSockets.IsWebSocketRequest
        || request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);
}
