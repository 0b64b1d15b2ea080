namespace Hokm.Server.Auth;

/// <summary>Accounts and tokens: registration and endpoints.</summary>
internal static class AuthExtensions
{
    public static WebApplicationBuilder AddHokmAuth(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapHokmAuth(this IEndpointRouteBuilder endpoints) => endpoints;
}
