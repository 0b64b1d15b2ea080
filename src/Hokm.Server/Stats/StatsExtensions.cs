using Microsoft.AspNetCore.Routing;

namespace Hokm.Server.Stats;

/// <summary>Statistics, leaderboards and analytics over HTTP, with an OpenAPI description.</summary>
internal static class StatsExtensions
{
    /// <summary>Registers the statistics services (idempotent) and OpenAPI, unless something else registered it.</summary>
    public static WebApplicationBuilder AddHokmStats(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHokmStats(builder.Configuration);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(static o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, StatsJsonContext.Default));
        if (!services.Any(static d => d.ServiceType.Namespace?.StartsWith("Microsoft.AspNetCore.OpenApi", StringComparison.Ordinal) == true))
        {
            services.AddOpenApi();
        }

        return builder;
    }

    /// <summary>Maps <c>/api/players/{id}/stats</c>, <c>/api/leaderboards/{type}</c>, <c>/api/analytics/…</c>, <c>/api/metrics/summary</c> and, if not yet mapped, <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapHokmStats(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapStatsApi();
        var mapped = endpoints.DataSources.SelectMany(static s => s.Endpoints).OfType<RouteEndpoint>()
            .Any(static e => e.RoutePattern.RawText?.StartsWith("/openapi/", StringComparison.Ordinal) == true);
        if (!mapped)
        {
            endpoints.MapOpenApi();
        }

        return endpoints;
    }
}
