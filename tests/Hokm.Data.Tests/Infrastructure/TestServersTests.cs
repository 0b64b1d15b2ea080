using System.Globalization;
using Hokm.Data.Embedded;
using Npgsql;
using StackExchange.Redis;

namespace Hokm.Data.Tests.Infrastructure;

public sealed class TestServersTests
{
    [Fact]
    public async Task Shared_redis_is_a_real_redis_server()
    {
        var redis = await TestServers.GetRedisAsync();

        var info = await redis.ReadInfoAsync();

        Assert.Equal(ServerKind.Redis, redis.Kind);
        Assert.Matches(@"^\d+\.\d+\.\d+", redis.Version);
        Assert.Equal(redis.Version, info["redis_version"]);
        Assert.False(info.ContainsKey("garnet_version"), "a real Redis, not Garnet");
        Assert.True(info.ContainsKey("redis_mode"));
        if (redis.Source == ServerSource.LocalBinary)
        {
            Assert.Equal("standalone", info["redis_mode"]);
            Assert.Equal(redis.ProcessId?.ToString(CultureInfo.InvariantCulture), info["process_id"]);
            Assert.Equal(redis.Port.ToString(CultureInfo.InvariantCulture), info["tcp_port"]);
        }
    }

    [Fact]
    public async Task Shared_postgres_is_a_real_postgresql_server()
    {
        var postgres = await TestServers.GetPostgresAsync();

        await using var connection = await postgres.OpenAdminConnectionAsync();
        await using var versionCommand = new NpgsqlCommand("SELECT version()", connection);
        var version = (string?)await versionCommand.ExecuteScalarAsync();

        Assert.Equal(ServerKind.PostgreSql, postgres.Kind);
        Assert.Matches(@"^\d", postgres.Version);
        Assert.Contains("PostgreSQL", version, StringComparison.Ordinal);
        Assert.Contains(postgres.Version.Split(' ')[0], version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_created_database_is_fresh_and_separate()
    {
        var postgres = await TestServers.GetPostgresAsync();

        var first = await postgres.CreateDatabaseAsync();
        var second = await postgres.CreateDatabaseAsync();

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE TABLE only_here (id int); SELECT current_database()", connection);
            Assert.Equal(new NpgsqlConnectionStringBuilder(first).Database, (string?)await command.ExecuteScalarAsync());
        }

        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'", connection);
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task Shared_garnet_is_the_embedded_server_and_runs_lua()
    {
        var garnet = await TestServers.GetGarnetAsync();
        await using var connection = await garnet.ConnectAsync();
        var db = connection.GetDatabase();
        var key = RedisTestServer.NewKeyPrefix() + "greeting";

        await db.StringSetAsync(key, "salaam");
        var read = await db.StringGetAsync(key);
        var scripted = await db.ScriptEvaluateAsync("return redis.call('GET', KEYS[1]) .. ARGV[1]", [key], ["!"]);
        var info = await garnet.ReadInfoAsync();

        Assert.Equal("salaam", read);
        Assert.Equal("salaam!", (string?)scripted);
        Assert.Equal(ServerSource.Embedded, garnet.Source);
        Assert.Equal(garnet.Port, garnet.Server?.Port);
        Assert.Equal("garnet", info["server_name"]);
        Assert.Equal(EmbeddedGarnetServer.GarnetVersion, garnet.Version);
    }

    [Theory]
    [InlineData(ServerKind.Redis)]
    [InlineData(ServerKind.Garnet)]
    public async Task Database_leases_are_exclusive_and_start_empty(ServerKind kind)
    {
        var server = await TestServers.GetRedisTierAsync(kind);

        await using var first = await server.LeaseDatabaseAsync();
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(first.ConnectionString))
        {
            await connection.GetDatabase().StringSetAsync("left-behind", "1");
        }

        await using var second = await server.LeaseDatabaseAsync();
        await using var check = await ConnectionMultiplexer.ConnectAsync(second.ConnectionString);

        Assert.NotEqual(first.Database, second.Database);
        Assert.InRange(second.Database, RedisTestServer.FirstLeasedDatabase, RedisTestServer.LastLeasedDatabase);
        Assert.False(await check.GetDatabase().KeyExistsAsync("left-behind"));
    }

    [Fact]
    public async Task Dedicated_redis_keeps_acknowledged_writes_across_SIGKILL()
    {
        await using var redis = await TestServers.StartDedicatedRedisAsync();
        Assert.True(redis.IsControllable);
        var firstPid = redis.ProcessId;
        await using (var connection = await redis.ConnectAsync())
        {
            await connection.GetDatabase().StringSetAsync("game:1", "state-7");
        }

        await redis.KillAsync();

        Assert.False(redis.IsRunning);
        await Assert.ThrowsAsync<RedisConnectionException>(() => redis.ConnectAsync(o => o.ConnectTimeout = 500));

        await redis.StartAsync();

        await using (var connection = await redis.ConnectAsync())
        {
            Assert.Equal("state-7", await connection.GetDatabase().StringGetAsync("game:1"));
        }

        if (redis.Source == ServerSource.LocalBinary)
        {
            Assert.NotEqual(firstPid, redis.ProcessId);
            Assert.Equal(redis.ProcessId?.ToString(CultureInfo.InvariantCulture), (await redis.ReadInfoAsync())["process_id"]);
        }
    }

    [Fact]
    public async Task Dedicated_postgres_keeps_committed_rows_across_stop_and_start()
    {
        await using var postgres = await TestServers.StartDedicatedPostgresAsync();
        var database = await postgres.CreateDatabaseAsync();
        await ExecuteAsync(database, "CREATE TABLE moves (seq int PRIMARY KEY, card text); INSERT INTO moves VALUES (1, 'AS')");

        await postgres.StopAsync();

        Assert.False(postgres.IsRunning);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(database, "SELECT 1"));

        await postgres.StartAsync();

        Assert.Equal("AS", await ScalarAsync<string>(database, "SELECT card FROM moves WHERE seq = 1"));
    }

    [Fact]
    public async Task Dedicated_postgres_recovers_committed_rows_after_SIGKILL()
    {
        await using var postgres = await TestServers.StartDedicatedPostgresAsync();
        var database = await postgres.CreateDatabaseAsync();
        await ExecuteAsync(database, "CREATE TABLE games (id int PRIMARY KEY); INSERT INTO games VALUES (42)");

        await postgres.KillAsync();
        NpgsqlConnection.ClearAllPools();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(database, "SELECT 1"));
        await postgres.StartAsync();

        Assert.Equal(42, await ScalarAsync<int>(database, "SELECT id FROM games"));
    }

    [Fact]
    public async Task A_server_from_an_environment_variable_cannot_be_stopped()
    {
        await using var external = new RedisTestServer(ServerKind.Redis, new ExternalBackend("127.0.0.1", 6379, TestServers.RedisVariable));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => external.KillAsync());

        Assert.False(external.IsControllable);
        Assert.Equal(ServerSource.Environment, external.Source);
        Assert.Contains(nameof(TestServers.StartDedicatedRedisAsync), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_redis_the_failure_says_how_to_get_one()
    {
        var nothing = new ServerDiscovery(RedisConfigured: null, PostgresConfigured: null, UseDocker: false, UseLocalBinaries: false);

        var error = await Assert.ThrowsAsync<TestServerUnavailableException>(
            () => TestServers.FindRedisAsync(nothing, dedicated: false, default));

        Assert.Contains(TestServers.RedisVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("Docker", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install redis-server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_postgres_the_failure_says_how_to_get_one()
    {
        var nothing = new ServerDiscovery(RedisConfigured: null, PostgresConfigured: null, UseDocker: false, UseLocalBinaries: false);

        var error = await Assert.ThrowsAsync<TestServerUnavailableException>(
            () => TestServers.FindPostgresAsync(nothing, dedicated: true, default));

        Assert.Contains(TestServers.PostgresVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("Docker", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_in_the_environment_is_used_as_it_is()
    {
        var local = await TestServers.GetRedisAsync();
        var discovery = new ServerDiscovery($"redis://{local.Host}:{local.Port}/2", PostgresConfigured: null, UseDocker: false, UseLocalBinaries: false);

        await using var external = await TestServers.FindRedisAsync(discovery, dedicated: false, default);

        Assert.Equal(ServerSource.Environment, external.Source);
        Assert.Equal(local.Port, external.Port);
        Assert.Equal(local.Version, external.Version);
        Assert.Equal(2, ConfigurationOptions.Parse(external.ConnectionString).DefaultDatabase);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
