using System.Text;
using StackExchange.Redis;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// Where integration tests get their servers. Shared servers (one per kind per test run, started lazily, never
/// disposed by tests) serve ordinary tests; isolate with <see cref="RedisTestServer.NewKeyPrefix"/>,
/// <see cref="RedisTestServer.LeaseDatabaseAsync"/> and <see cref="PostgresTestServer.CreateDatabaseAsync"/>.
/// Tests that stop, kill or restart a server start a dedicated one and dispose it.
/// </summary>
/// <remarks>
/// Discovery per store (DESIGN.md, "Tests need real servers"): 1. connection string in
/// <see cref="RedisVariable"/> / <see cref="PostgresVariable"/>; 2. Docker via Testcontainers, when an engine
/// answers; 3. redis-server / PostgreSQL binaries on this machine, as throwaway instances on free loopback ports.
/// None → <see cref="TestServerUnavailableException"/> saying how to get one. Never a silent skip.
/// </remarks>
public static class TestServers
{
    /// <summary>StackExchange.Redis configuration string or <c>redis://[:password@]host:port[/db]</c> of a Redis to use.</summary>
    public const string RedisVariable = "HOKM_TEST_REDIS";

    /// <summary>
    /// Seed nodes of a running Redis Cluster to use, comma-separated (<c>127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002</c>;
    /// a StackExchange.Redis configuration string, so <c>,password=…</c> may follow).
    /// </summary>
    public const string RedisClusterVariable = "HOKM_TEST_REDIS_CLUSTER";

    /// <summary>Npgsql connection string or <c>postgres://user:password@host:port/db</c> of a PostgreSQL to use.</summary>
    public const string PostgresVariable = "HOKM_TEST_POSTGRES";

    /// <summary>Set to 0 to skip Docker and go straight to local binaries.</summary>
    public const string DockerVariable = "HOKM_TEST_DOCKER";

    /// <summary>Set to 0 to ignore redis-server / PostgreSQL binaries on this machine (e.g. to insist on Docker).</summary>
    public const string LocalBinariesVariable = "HOKM_TEST_LOCAL_BINARIES";

    /// <summary>Overrides the Redis image used through Testcontainers.</summary>
    public const string RedisImageVariable = "HOKM_TEST_REDIS_IMAGE";

    /// <summary>Overrides the PostgreSQL image used through Testcontainers.</summary>
    public const string PostgresImageVariable = "HOKM_TEST_POSTGRES_IMAGE";

    private const string DefaultRedisImage = "redis:7.4-alpine";
    private const string DefaultPostgresImage = "postgres:16-alpine";
    private const string ContainerPostgresPassword = "postgres";

    private static readonly Lazy<Task<RedisTestServer>> SharedRedis =
        new(() => Task.Run(() => FindRedisAsync(ServerDiscovery.FromEnvironment(), dedicated: false, default)));

    private static readonly Lazy<Task<PostgresTestServer>> SharedPostgres =
        new(() => Task.Run(() => FindPostgresAsync(ServerDiscovery.FromEnvironment(), dedicated: false, default)));

    private static readonly Lazy<Task<RedisClusterTestServer>> SharedRedisCluster =
        new(() => Task.Run(() => FindRedisClusterAsync(ServerDiscovery.FromEnvironment(), dedicated: false, default)));

    private static readonly Lazy<Task<GarnetTestServer>> SharedGarnet = new(() => Task.Run(() => GarnetTestServer.StartNewAsync(null, default)));

    /// <summary>The run's shared Redis. Do not stop or dispose it.</summary>
    public static Task<RedisTestServer> GetRedisAsync() => SharedRedis.Value;

    /// <summary>The run's shared PostgreSQL. Do not stop or dispose it; create a database per test.</summary>
    public static Task<PostgresTestServer> GetPostgresAsync() => SharedPostgres.Value;

    /// <summary>The run's shared embedded Garnet. Do not stop or dispose it.</summary>
    public static Task<GarnetTestServer> GetGarnetAsync() => SharedGarnet.Value;

    /// <summary>
    /// The run's shared Redis Cluster (three masters on loopback, or <see cref="RedisClusterVariable"/>). Do not stop
    /// or dispose it; it has only database 0, so isolate with <see cref="RedisTestServer.NewKeyPrefix"/>.
    /// </summary>
    public static Task<RedisClusterTestServer> GetRedisClusterAsync() => SharedRedisCluster.Value;

    /// <summary>
    /// The shared Redis, Garnet or Redis Cluster, for tests that run against each
    /// (<c>[InlineData(ServerKind.Redis)]</c>, <c>[InlineData(ServerKind.Garnet)]</c>, <c>[InlineData(ServerKind.RedisCluster)]</c>).
    /// </summary>
    public static async Task<RedisTestServer> GetRedisTierAsync(ServerKind kind) => kind switch
    {
        ServerKind.Redis => await GetRedisAsync(),
        ServerKind.Garnet => await GetGarnetAsync(),
        ServerKind.RedisCluster => await GetRedisClusterAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Redis, Garnet or RedisCluster."),
    };

    /// <summary>
    /// A Redis of the caller's own, which it may kill, stop and restart, and must dispose. Ignores
    /// <see cref="RedisVariable"/>; prefers local binaries (a real SIGKILL), then Docker.
    /// </summary>
    public static Task<RedisTestServer> StartDedicatedRedisAsync(CancellationToken cancellationToken = default) =>
        FindRedisAsync(ServerDiscovery.FromEnvironment(), dedicated: true, cancellationToken);

    /// <summary>
    /// A three-master Redis Cluster of the caller's own (local redis-server and redis-cli; ignores
    /// <see cref="RedisClusterVariable"/>), whose nodes it may kill and restart, and must dispose.
    /// </summary>
    public static Task<RedisClusterTestServer> StartDedicatedRedisClusterAsync(CancellationToken cancellationToken = default) =>
        FindRedisClusterAsync(ServerDiscovery.FromEnvironment(), dedicated: true, cancellationToken);

    /// <summary>A PostgreSQL of the caller's own (see <see cref="StartDedicatedRedisAsync"/>); dispose it.</summary>
    public static Task<PostgresTestServer> StartDedicatedPostgresAsync(CancellationToken cancellationToken = default) =>
        FindPostgresAsync(ServerDiscovery.FromEnvironment(), dedicated: true, cancellationToken);

    /// <summary>
    /// An embedded Garnet of the caller's own on a free port; dispose it. With <paramref name="dataDirectory"/>
    /// it uses (and keeps) that folder, so a second server can be started on what the first one left.
    /// </summary>
    public static Task<GarnetTestServer> StartGarnetAsync(string? dataDirectory = null, CancellationToken cancellationToken = default) =>
        GarnetTestServer.StartNewAsync(dataDirectory, cancellationToken);

    internal static async Task<RedisTestServer> FindRedisAsync(ServerDiscovery discovery, bool dedicated, CancellationToken cancellationToken)
    {
        var tried = new StringBuilder();
        if (!dedicated && discovery.RedisConfigured is { Length: > 0 } configured)
        {
            string connectionString;
            System.Net.EndPoint? endpoint;
            try
            {
                connectionString = ConnectionUrls.ToRedisConfiguration(configured);
                endpoint = ConfigurationOptions.Parse(connectionString).EndPoints.FirstOrDefault();
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new TestServerUnavailableException($"{RedisVariable} is neither a StackExchange.Redis configuration string nor a redis:// URL: {ex.Message}", ex);
            }

            if (endpoint is null)
            {
                throw new TestServerUnavailableException($"{RedisVariable} names no host:port.");
            }

            var (host, port) = SplitEndpoint(endpoint);
            return await StartedAsync(new RedisTestServer(ServerKind.Redis, new ExternalBackend(host, port, RedisVariable), connectionString), cancellationToken);
        }

        var redisServer = discovery.UseLocalBinaries ? LocalBinaries.RedisServer() : null;
        // Dedicated servers prefer the local binary: faster, and KillAsync is a real SIGKILL of the process.
        if (dedicated && redisServer is not null)
        {
            return await StartLocalRedisAsync(redisServer, cancellationToken);
        }

        var (dockerAvailable, dockerDetail) = await CheckDockerAsync(discovery);
        if (dockerAvailable)
        {
            try
            {
                var backend = await ContainerBackend.StartNewAsync(
                    Environment.GetEnvironmentVariable(RedisImageVariable) ?? DefaultRedisImage,
                    6379,
                    ["redis-server", "--appendonly", "yes", "--appendfsync", "always", "--save", ""],
                    new Dictionary<string, string>(),
                    Probes.RedisPingAsync,
                    cancellationToken);
                return await StartedAsync(new RedisTestServer(ServerKind.Redis, backend), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                tried.AppendLine($"  - Docker: starting a container failed: {ex.Message}");
            }
        }
        else
        {
            tried.AppendLine($"  - Docker: {dockerDetail}");
        }

        if (redisServer is not null)
        {
            return await StartLocalRedisAsync(redisServer, cancellationToken);
        }

        tried.AppendLine(discovery.UseLocalBinaries
            ? "  - local binaries: redis-server not found on PATH, /usr/bin or /usr/local/bin"
            : $"  - local binaries: disabled by {LocalBinariesVariable}");
        throw new TestServerUnavailableException(
            $"""
            No Redis server for the integration tests. Tried:
            {tried}
            Get one by any of:
              1. {RedisVariable}=127.0.0.1:6379 (a StackExchange.Redis configuration string, or redis://[:password@]host:port[/db]) for a running Redis{(dedicated ? " (not used by tests that need their own server to stop and kill)" : "")};
              2. a running Docker engine (Testcontainers starts {DefaultRedisImage}; override with {RedisImageVariable});
              3. installing Redis: apt-get install redis-server (the tests start their own throwaway redis-server; no service needed).
            """);
    }

    /// <summary>
    /// The cluster named by <see cref="RedisClusterVariable"/> (not for dedicated ones), else three local redis-server
    /// processes joined by redis-cli. Docker is not used: containers would announce addresses the tests cannot reach.
    /// </summary>
    internal static async Task<RedisClusterTestServer> FindRedisClusterAsync(ServerDiscovery discovery, bool dedicated, CancellationToken cancellationToken)
    {
        if (!dedicated && discovery.RedisClusterConfigured is { Length: > 0 } configured)
        {
            ConfigurationOptions options;
            try
            {
                options = ConfigurationOptions.Parse(configured);
            }
            catch (ArgumentException ex)
            {
                throw new TestServerUnavailableException($"{RedisClusterVariable} is not a comma-separated list of host:port seed nodes: {ex.Message}", ex);
            }

            if (options.EndPoints.Count == 0)
            {
                throw new TestServerUnavailableException($"{RedisClusterVariable} names no host:port.");
            }

            var (host, port) = SplitEndpoint(options.EndPoints[0]);
            return await StartedAsync(new RedisClusterTestServer(new ExternalBackend(host, port, RedisClusterVariable), configured), cancellationToken);
        }

        var redisServer = discovery.UseLocalBinaries ? LocalBinaries.RedisServer() : null;
        var redisCli = discovery.UseLocalBinaries ? LocalBinaries.RedisCli() : null;
        if (redisServer is not null && redisCli is not null)
        {
            var backend = await LocalRedisClusterBackend.StartNewAsync(redisServer, redisCli, cancellationToken);
            return await StartedAsync(new RedisClusterTestServer(backend, backend.ConnectionString), cancellationToken);
        }

        var missing = !discovery.UseLocalBinaries
            ? $"local binaries are disabled by {LocalBinariesVariable}"
            : string.Join(" and ", new[] { redisServer is null ? "redis-server" : null, redisCli is null ? "redis-cli" : null }.OfType<string>())
                + " not found on PATH, /usr/bin or /usr/local/bin";
        throw new TestServerUnavailableException(
            $"""
            No Redis Cluster for the integration tests: {missing}.
            Get one by any of:
              1. {RedisClusterVariable}=127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002 (seed nodes of a running cluster, comma-separated){(dedicated ? " (not used by tests that need their own cluster to kill)" : "")};
              2. installing Redis: apt-get install redis-server (redis-cli comes with it, in redis-tools); the tests start three
                 throwaway cluster-mode redis-server processes and join them with redis-cli --cluster create. No service needed.
            """);
    }

    internal static async Task<PostgresTestServer> FindPostgresAsync(ServerDiscovery discovery, bool dedicated, CancellationToken cancellationToken)
    {
        var tried = new StringBuilder();
        if (!dedicated && discovery.PostgresConfigured is { Length: > 0 } configured)
        {
            string connectionString;
            Npgsql.NpgsqlConnectionStringBuilder builder;
            try
            {
                connectionString = ConnectionUrls.ToNpgsqlConnectionString(configured);
                builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new TestServerUnavailableException($"{PostgresVariable} is neither an Npgsql connection string nor a postgres:// URL: {ex.Message}", ex);
            }

            var backend = new ExternalBackend(builder.Host ?? "localhost", builder.Port, PostgresVariable);
            return await StartedAsync(new PostgresTestServer(backend, connectionString), cancellationToken);
        }

        var binDirectory = discovery.UseLocalBinaries ? LocalBinaries.PostgresBinDirectory() : null;
        if (dedicated && binDirectory is not null)
        {
            return await StartLocalPostgresAsync(binDirectory, cancellationToken);
        }

        var (dockerAvailable, dockerDetail) = await CheckDockerAsync(discovery);
        if (dockerAvailable)
        {
            try
            {
                var backend = await ContainerBackend.StartNewAsync(
                    Environment.GetEnvironmentVariable(PostgresImageVariable) ?? DefaultPostgresImage,
                    5432,
                    ["postgres", "-c", "fsync=off", "-c", "max_connections=300"],
                    new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = ContainerPostgresPassword },
                    (host, port, ct) => Probes.PostgresAsync(ContainerConnectionString(host, port), ct),
                    cancellationToken);
                return await StartedAsync(new PostgresTestServer(backend, ContainerConnectionString(backend.Host, backend.Port)), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                tried.AppendLine($"  - Docker: starting a container failed: {ex.Message}");
            }
        }
        else
        {
            tried.AppendLine($"  - Docker: {dockerDetail}");
        }

        if (binDirectory is not null)
        {
            return await StartLocalPostgresAsync(binDirectory, cancellationToken);
        }

        tried.AppendLine(discovery.UseLocalBinaries
            ? "  - local binaries: initdb/postgres/pg_ctl not found on PATH nor under /usr/lib/postgresql/*/bin"
            : $"  - local binaries: disabled by {LocalBinariesVariable}");
        throw new TestServerUnavailableException(
            $"""
            No PostgreSQL server for the integration tests. Tried:
            {tried}
            Get one by any of:
              1. {PostgresVariable}="Host=127.0.0.1;Port=5432;Username=postgres;Password=…" (an Npgsql connection string, or postgres://user:password@host:port/db) for a running PostgreSQL whose user may CREATE DATABASE{(dedicated ? " (not used by tests that need their own server to stop and kill)" : "")};
              2. a running Docker engine (Testcontainers starts {DefaultPostgresImage}; override with {PostgresImageVariable});
              3. installing PostgreSQL: apt-get install postgresql (the tests run initdb and a throwaway server themselves, as the 'postgres' user when run as root; no service needed).
            """);
    }

    private static Task<(bool Available, string Detail)> CheckDockerAsync(ServerDiscovery discovery) =>
        discovery.UseDocker ? DockerProbe.CheckAsync() : Task.FromResult((false, $"disabled by {DockerVariable}"));

    private static async Task<RedisTestServer> StartLocalRedisAsync(string executable, CancellationToken cancellationToken)
    {
        var backend = await LocalRedisBackend.StartNewAsync(executable, cancellationToken);
        return await StartedAsync(new RedisTestServer(ServerKind.Redis, backend), cancellationToken);
    }

    private static async Task<PostgresTestServer> StartLocalPostgresAsync(string binDirectory, CancellationToken cancellationToken)
    {
        var backend = await LocalPostgresBackend.StartNewAsync(binDirectory, cancellationToken);
        return await StartedAsync(new PostgresTestServer(backend, backend.ConnectionString), cancellationToken);
    }

    private static async Task<T> StartedAsync<T>(T server, CancellationToken cancellationToken)
        where T : TestServer
    {
        try
        {
            await server.RefreshVersionAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static string ContainerConnectionString(string host, int port) => new Npgsql.NpgsqlConnectionStringBuilder
    {
        Host = host,
        Port = port,
        Username = "postgres",
        Password = ContainerPostgresPassword,
        Database = "postgres",
    }.ConnectionString;

    private static (string Host, int Port) SplitEndpoint(System.Net.EndPoint endpoint) => endpoint switch
    {
        System.Net.DnsEndPoint dns => (dns.Host, dns.Port == 0 ? 6379 : dns.Port),
        System.Net.IPEndPoint ip => (ip.Address.ToString(), ip.Port == 0 ? 6379 : ip.Port),
        _ => (endpoint.ToString() ?? "", 6379),
    };
}
