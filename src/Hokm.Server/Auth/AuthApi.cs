using System.Security.Claims;
using Hokm.Data.Persistence.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hokm.Server.Auth;

/// <summary>
/// <c>/api/auth</c>: guest, register and login, as docs/protocol.md ("Authentication") specifies.
/// Bodies are size-limited; malformed JSON is a 400 problem; a persistent store that cannot be
/// reached is a 503 problem (see <c>StoreFailureExceptionHandler</c>); every endpoint is
/// rate-limited per client IP (429).
/// </summary>
internal static class AuthApi
{
    /// <summary>Rate-limiter policy of register and login.</summary>
    public const string CredentialPolicy = "hokm-auth-credentials";

    /// <summary>Rate-limiter policy of guest sign-in.</summary>
    public const string GuestPolicy = "hokm-auth-guest";

    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder endpoints, int maxRequestBodyBytes)
    {
        var group = endpoints.MapGroup("/api/auth")
            .WithTags("Auth")
            .WithMetadata(new RequestSizeLimitAttribute(maxRequestBodyBytes))
            .AllowAnonymous();

        group.MapPost("/guest", CreateGuestAsync).RequireRateLimiting(GuestPolicy);
        group.MapPost("/register", RegisterAsync).RequireRateLimiting(CredentialPolicy);
        group.MapPost("/login", LoginAsync).RequireRateLimiting(CredentialPolicy);
        endpoints.MapGet("/api/auth/me", Me).WithTags("Auth").RequireAuthorization();
        return group;
    }

    public static async Task<Results<Ok<AuthResponse>, ValidationProblem>> CreateGuestAsync(
        GuestRequest? request, AccountService accounts, CancellationToken cancellationToken)
    {
        var name = AuthInput.NormalizeName(request?.Name, out var error);
        if (name is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [error!] });
        }

        return TypedResults.Ok(await accounts.CreateGuestAsync(name, cancellationToken));
    }

    public static async Task<Results<Created<AuthResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest? request, AccountService accounts, CancellationToken cancellationToken)
    {
        request ??= new RegisterRequest(null, null, null);
        var errors = AuthInput.CheckRegistration(request, out var displayName);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var response = await accounts.RegisterAsync(request.Username!, request.Password!, displayName!, cancellationToken);
            return TypedResults.Created((string?)null, response);
        }
        catch (UsernameTakenException)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Username taken",
                detail: "Another player has this username (usernames compare regardless of case).",
                type: "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                extensions: new Dictionary<string, object?> { ["code"] = "username_taken" });
        }
    }

    /// <summary><c>GET /api/auth/me</c> with a bearer token: who the token speaks for (401 without a valid one).</summary>
    public static Ok<PlayerIdentity> Me(ClaimsPrincipal user) => TypedResults.Ok(new PlayerIdentity(
        user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? "",
        user.FindFirstValue(JwtTokenService.NameClaim) ?? "",
        string.Equals(user.FindFirstValue(JwtTokenService.GuestClaim), "true", StringComparison.OrdinalIgnoreCase)));

    public static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request, AccountService accounts, CancellationToken cancellationToken)
    {
        request ??= new LoginRequest(null, null);
        var errors = AuthInput.CheckLogin(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var response = await accounts.LoginAsync(request.Username!, request.Password!, cancellationToken);
        return response is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in failed",
                detail: "The username or password is wrong, or the account is temporarily locked.",
                type: "https://tools.ietf.org/html/rfc9110#section-15.5.2")
            : TypedResults.Ok(response);
    }
}
