using StackExchange.Redis;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>A Redis-protocol server for tests: real Redis, or embedded Garnet (<see cref="GarnetTestServer"/>).</summary>
public class RedisTestServer : TestServer
{
    /// <summary>Logical databases handed out by <see cref="LeaseDatabaseAsync"/> (database 0 is left alone).</summary>
    public const int FirstLeasedDatabase = 1;

    /// <summary>The last database <see cref="LeaseDatabaseAsync"/> hands out (servers have 16 by default).</summary>
    public const int LastLeasedDatabase = 15;

    private static readonly TimeSpan LeaseTimeout = TimeSpan.FromMinutes(2);

    private readonly string? _connectionString;
    private readonly SemaphoreSlim[] _databases =
        [.. Enumerable.Range(0, LastLeasedDatabase + 1).Select(_ => new SemaphoreSlim(1, 1))];

    internal RedisTestServer(ServerKind kind, IServerBackend backend, string? connectionString = null)
        : base(kind, backend)
    {
        _connectionString = connectionString;
    }

    /// <summary>StackExchange.Redis configuration string (as given in HOKM_TEST_REDIS, else <c>host:port</c>).</summary>
    public override string ConnectionString => _connectionString ?? $"{Host}:{Port}";

    /// <summary>A key prefix no other test uses, e.g. <c>test:3f2a9c81d0e4:</c>: the cheap way to isolate tests on a shared server.</summary>
    public static string NewKeyPrefix() => $"test:{Guid.NewGuid().ToString("N")[..12]}:";

    /// <summary>Client options for this server; admin commands (INFO, FLUSHDB, CONFIG) allowed by default.</summary>
    public ConfigurationOptions CreateOptions(bool allowAdmin = true)
    {
        var options = ConfigurationOptions.Parse(ConnectionString);
        options.AllowAdmin = allowAdmin;
        options.ConnectTimeout = 5000;
        return options;
    }

    /// <summary>Connects a new multiplexer (dispose it) with admin commands allowed.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync(Action<ConfigurationOptions>? configure = null)
    {
        var options = CreateOptions();
        configure?.Invoke(options);
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>
    /// The connected masters: the one server of a single Redis or Garnet, every master of a Redis Cluster.
    /// Commands that act on one server's keyspace (SCAN/KEYS, SCRIPT FLUSH, FLUSHDB) must run on each.
    /// </summary>
    public static IEnumerable<IServer> Masters(IConnectionMultiplexer connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.GetServers().Where(static s => s.IsConnected && !s.IsReplica);
    }

    /// <summary>Every key matching <paramref name="pattern"/>, scanned (SCAN) on every master.</summary>
    public static async Task<List<RedisKey>> KeysOnEveryMasterAsync(IConnectionMultiplexer connection, string pattern)
    {
        var keys = new List<RedisKey>();
        foreach (var server in Masters(connection))
        {
            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 500))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>The fields of <c>INFO section</c> (e.g. redis_version, redis_mode, process_id).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadInfoAsync(string section = "server")
    {
        await using var connection = await ConnectAsync(o => o.AbortOnConnectFail = true);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var info = await server.InfoAsync(section);
        return info.SelectMany(group => group).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Exclusive use of one logical database (1-15), emptied before it is handed over, until the lease is
    /// disposed. Waits (bounded) when all are taken. Not for Redis Cluster, which has only database 0: isolate with
    /// <see cref="NewKeyPrefix"/> there (this throws <see cref="NotSupportedException"/>).
    /// </summary>
    public async Task<RedisDatabaseLease> LeaseDatabaseAsync(CancellationToken cancellationToken = default)
    {
        if (Kind == ServerKind.RedisCluster)
        {
            throw new NotSupportedException($"A Redis Cluster has only database 0, so there is none to lease: isolate with {nameof(RedisTestServer)}.{nameof(NewKeyPrefix)}() instead.");
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(LeaseTimeout);
        var database = await AcquireDatabaseAsync(cts.Token);
        try
        {
            await using var connection = await ConnectAsync();
            await connection.GetServer(connection.GetEndPoints()[0]).FlushDatabaseAsync(database);
            var options = CreateOptions(allowAdmin: false);
            options.DefaultDatabase = database;
            return new RedisDatabaseLease(database, options.ToString(includePassword: true), _databases[database]);
        }
        catch
        {
            _databases[database].Release();
            throw;
        }
    }

    private protected override async Task<string> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var info = await ReadInfoAsync();
        return info.TryGetValue("redis_version", out var version)
            ? version
            : throw new InvalidOperationException("INFO server has no redis_version.");
    }

    private async Task<int> AcquireDatabaseAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            for (var database = FirstLeasedDatabase; database <= LastLeasedDatabase; database++)
            {
                if (await _databases[database].WaitAsync(0, cancellationToken))
                {
                    return database;
                }
            }

            // All taken: wait for the one this round points at (spreads waiters), bounded by the token.
            var next = FirstLeasedDatabase + (round % (LastLeasedDatabase - FirstLeasedDatabase + 1));
            if (await _databases[next].WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken))
            {
                return next;
            }
        }
    }
}
