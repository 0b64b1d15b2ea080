using System.Globalization;
using Hokm.Data.Diagnostics;
using Hokm.Server.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Hokm.Server.Operations;

/// <summary>Logging, metrics, health and the request pipeline's cross-cutting parts.</summary>
internal static class OperationsExtensions
{
    /// <summary>The health check wrapping the data layer.</summary>
    public const string StoresCheck = "stores";

    private const string StoresTag = "stores";
    private const string ReadyTag = "ready";
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog (console, text or compact JSON; levels from the <c>Serilog</c> section),
    /// OpenTelemetry metrics with the Prometheus exporter, health checks, problem details and the
    /// store-failure exception handler.
    /// </summary>
    public static WebApplicationBuilder AddHokmOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LoggingOptions>().BindConfiguration(LoggingOptions.SectionName).ValidateOnStart();

        var configuration = builder.Configuration;
        services.AddSerilog((provider, logger) =>
        {
            var options = provider.GetRequiredService<IOptions<LoggingOptions>>().Value;
            logger.ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext();
            if (options.Json)
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
            }
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<StoreFailureExceptionHandler>();

        services.AddOpenTelemetry()
            .ConfigureResource(static resource => resource.AddService("hokm-server"))
            .WithMetrics(static metrics => metrics
                .AddMeter(HokmDiagnostics.MeterName, HybridDataMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        services.TryAddSingleton<DataStoresHealthCheck>();
        services.TryAddSingleton<LifetimeHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DataStoresHealthCheck>(StoresCheck, tags: [StoresTag, ReadyTag], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<LifetimeHealthCheck>("lifetime", tags: [ReadyTag]);

        services.AddHostedService<StartupReport>();
        return builder;
    }

    /// <summary>
    /// Exception handler (503 for an unreachable store, else 500 problem), problem-details bodies
    /// for empty error responses, request logging, the rate limiter, authentication and authorization.
    /// </summary>
    public static WebApplication UseHokmOperations(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (app.Services.GetRequiredService<IOptions<LoggingOptions>>().Value.RequestLogging)
        {
            app.UseSerilogRequestLogging(static o => o.GetLevel = RequestLevel);
        }

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps <c>/health</c>, <c>/health/ready</c>, <c>/health/live</c> and <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapHokmOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", HealthJson.Options(static r => r.Tags.Contains(StoresTag), HealthJson.WriteDetailedAsync));
        endpoints.MapHealthChecks("/health/ready", HealthJson.Options(static r => r.Tags.Contains(ReadyTag), HealthJson.WriteStatusAsync));
        endpoints.MapHealthChecks("/health/live", HealthJson.Options(static _ => false, HealthJson.WriteStatusAsync));
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }

    // Scrapes and probes every few seconds would drown the log: they are logged only at Verbose.
    // A 503 is a store outage already logged as a warning by whoever saw it.
    private static LogEventLevel RequestLevel(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        var path = context.Request.Path;
        var status = context.Response.StatusCode;
        return exception is not null ? LogEventLevel.Error
            : path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase) ? LogEventLevel.Verbose
            : status == StatusCodes.Status503ServiceUnavailable ? LogEventLevel.Warning
            : status >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
            : LogEventLevel.Information;
    }
}
