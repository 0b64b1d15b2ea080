namespace Hokm.Server.Operations;

/// <summary>Logging, metrics, health and the request pipeline's cross-cutting parts.</summary>
internal static class OperationsExtensions
{
    public static WebApplicationBuilder AddHokmOperations(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseHokmOperations(this WebApplication app) => app;

    public static IEndpointRouteBuilder MapHokmOperations(this IEndpointRouteBuilder endpoints) => endpoints;
}
