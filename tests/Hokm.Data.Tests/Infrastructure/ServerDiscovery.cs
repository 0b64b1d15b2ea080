namespace Hokm.Data.Tests.Infrastructure;

/// <summary>What discovery may use; read from the environment, or made up by tests of the discovery itself.</summary>
internal sealed record ServerDiscovery(string? RedisConfigured, string? PostgresConfigured, bool UseDocker, bool UseLocalBinaries)
{
    /// <summary>Seed nodes of a running Redis Cluster (<see cref="TestServers.RedisClusterVariable"/>).</summary>
    public string? RedisClusterConfigured { get; init; }

    public static ServerDiscovery FromEnvironment() => new(
        Environment.GetEnvironmentVariable(TestServers.RedisVariable),
        Environment.GetEnvironmentVariable(TestServers.PostgresVariable),
        !IsOff(TestServers.DockerVariable),
        !IsOff(TestServers.LocalBinariesVariable))
    {
        RedisClusterConfigured = Environment.GetEnvironmentVariable(TestServers.RedisClusterVariable),
    };

    private static bool IsOff(string variable) =>
        Environment.GetEnvironmentVariable(variable)?.Trim().ToUpperInvariant() is "0" or "FALSE" or "NO" or "OFF";
}
