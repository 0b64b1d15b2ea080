using Hokm.Data.Configuration;
using Hokm.Data.Persistence;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Operations;

/// <summary>Says at start which mode runs: embedded (Garnet in-process + SQLite) or configured servers, and where each setting came from.</summary>
internal sealed class StartupReport(
    IOptions<HybridDataOptions> data,
    IOptions<PersistenceOptions> persistence,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var embeddedRedis = string.IsNullOrWhiteSpace(data.Value.RedisConnection);
        var embeddedStore = persistence.Value.Provider == PersistenceProvider.Sqlite;
        var mode = (embeddedRedis, embeddedStore) switch
        {
            (true, true) => "embedded",
            (false, false) => "servers",
            _ => "mixed",
        };
        var dataDirectory = Path.GetFullPath(data.Value.Embedded.DataDirectory);
        var live = embeddedRedis
            ? $"embedded Garnet (data in {dataDirectory})"
            : $"Redis from {Source("HokmData:RedisConnection", "ConnectionStrings:Redis", "REDIS_URL")}";
        var persistent = embeddedStore
            ? $"SQLite ({Path.GetFullPath(persistence.Value.SqlitePath ?? Path.Combine(dataDirectory, "hokm.db"))})"
            : $"PostgreSQL from {Source("HokmData:Persistence:PostgresConnection", "ConnectionStrings:Postgres", "DATABASE_URL")}";
        OperationsLog.StartingMode(logger, mode, environment.EnvironmentName, live, persistent);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Names the setting, never its value (it may hold a password).
    private string Source(params string[] keys) =>
        keys.FirstOrDefault(k => !string.IsNullOrWhiteSpace(configuration[k])) ?? "configuration";
}
