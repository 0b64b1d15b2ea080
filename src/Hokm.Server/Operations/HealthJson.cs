using System.Text.Json;
using Hokm.Data.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using DataHealthStatus = Hokm.Data.Health.HealthStatus;
using HealthStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;
using HealthReport = Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport;

namespace Hokm.Server.Operations;

/// <summary>Writes the health endpoints' JSON bodies.</summary>
internal static class HealthJson
{
    public static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    public static string Name(DataHealthStatus status) => status switch
    {
        DataHealthStatus.Healthy => "healthy",
        DataHealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    /// <summary><c>/health</c>: <c>{status, redis:{status,description,latencyMs}, postgresql:{…}, sync:{…}}</c>.</summary>
    public static Task WriteDetailedAsync(HttpContext context, HealthReport report)
    {
        HealthResponse body;
        if (report.Entries.TryGetValue(OperationsExtensions.StoresCheck, out var entry)
            && entry.Data.TryGetValue(DataStoresHealthCheck.ReportKey, out var value)
            && value is HybridHealthReport data)
        {
            body = new HealthResponse(Name(report.Status), Component(data.Redis), Component(data.Postgresql), Component(data.Sync));
        }
        else
        {
            // The check itself failed or timed out: say so for every part rather than guess.
            var failed = new ComponentHealthResponse("unhealthy", entry.Exception?.Message ?? entry.Description ?? "The health check did not complete.", null);
            body = new HealthResponse(Name(report.Status), failed, failed, failed);
        }

        body = body with { Node = context.RequestServices.GetService<Cluster.NodeIdentity>()?.Id };
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, OperationsJsonContext.Default.HealthResponse, context.RequestAborted);
    }

    /// <summary><c>/health/live</c> and <c>/health/ready</c>: the status and each check's.</summary>
    public static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(
            static e => e.Key,
            static e => e.Value.Description is { Length: > 0 } description ? $"{Name(e.Value.Status)}: {description}" : Name(e.Value.Status),
            StringComparer.Ordinal);
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new StatusResponse(Name(report.Status), checks), OperationsJsonContext.Default.StatusResponse, context.RequestAborted);
    }

    /// <summary>The health endpoints' options: healthy and degraded answer 200, unhealthy 503.</summary>
    public static HealthCheckOptions Options(Func<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration, bool> predicate, Func<HttpContext, HealthReport, Task> writer) => new()
    {
        Predicate = predicate,
        ResponseWriter = writer,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static ComponentHealthResponse Component(ComponentHealth component) =>
        new(Name(component.Status), component.Description, component.LatencyMilliseconds is { } ms ? Math.Round(ms, 3) : null);
}
