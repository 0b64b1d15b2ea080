using Hokm.Data;
using Hokm.Data.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using DataHealthStatus = Hokm.Data.Health.HealthStatus;
using HealthStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace Hokm.Server.Operations;

/// <summary>
/// Wraps <see cref="IHybridDataLayer.HealthCheckAsync"/>: healthy when both stores and the sync
/// worker are; degraded when one store or the worker is not (play goes on through the other);
/// unhealthy when neither store answers. The report itself travels in the result's data, for the
/// <c>/health</c> JSON. Status changes are logged.
/// </summary>
internal sealed class DataStoresHealthCheck(IHybridDataLayer data, ILogger<DataStoresHealthCheck> logger) : IHealthCheck
{
    /// <summary>The key of the <see cref="HybridHealthReport"/> in <see cref="HealthCheckResult.Data"/>.</summary>
    public const string ReportKey = "report";

    private int _lastStatus = -1;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await data.HealthCheckAsync(cancellationToken);
        var status = report.Overall switch
        {
            DataHealthStatus.Healthy => HealthStatus.Healthy,
            DataHealthStatus.Degraded => HealthStatus.Degraded,
            _ => HealthStatus.Unhealthy,
        };
        var previous = Interlocked.Exchange(ref _lastStatus, (int)status);
        if (previous != (int)status)
        {
            if (status != HealthStatus.Healthy)
            {
                OperationsLog.HealthChanged(logger, HealthJson.Name(status), Describe(report.Redis), Describe(report.Postgresql), Describe(report.Sync));
            }
            else if (previous >= 0)
            {
                OperationsLog.HealthRecovered(logger, Describe(report.Redis), Describe(report.Postgresql), Describe(report.Sync));
            }
        }

        var details = new Dictionary<string, object> { [ReportKey] = report };
        return new HealthCheckResult(status, $"redis {HealthJson.Name(report.Redis.Status)}, postgresql {HealthJson.Name(report.Postgresql.Status)}, sync {HealthJson.Name(report.Sync.Status)}", data: details);
    }

    private static string Describe(ComponentHealth component) => $"{HealthJson.Name(component.Status)} ({component.Description})";
}
