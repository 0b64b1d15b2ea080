namespace Hokm.Data.Tests.Infrastructure;

/// <summary>xUnit class fixture giving the run's shared Redis: <c>IClassFixture&lt;RedisFixture&gt;</c>.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    /// <summary>The shared server (available after xUnit initialised the fixture).</summary>
    public RedisTestServer Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Server = await TestServers.GetRedisAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask; // shared: ends with the test run
}

/// <summary>xUnit class fixture giving the run's shared PostgreSQL: <c>IClassFixture&lt;PostgresFixture&gt;</c>.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>The shared server (available after xUnit initialised the fixture).</summary>
    public PostgresTestServer Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Server = await TestServers.GetPostgresAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask; // shared: ends with the test run
}

/// <summary>xUnit class fixture giving the run's shared embedded Garnet: <c>IClassFixture&lt;GarnetFixture&gt;</c>.</summary>
public sealed class GarnetFixture : IAsyncLifetime
{
    /// <summary>The shared server (available after xUnit initialised the fixture).</summary>
    public GarnetTestServer Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Server = await TestServers.GetGarnetAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask; // shared: ends with the test run
}

/// <summary>xUnit class fixture giving the run's shared three-master Redis Cluster: <c>IClassFixture&lt;RedisClusterFixture&gt;</c>.</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    /// <summary>The shared cluster (available after xUnit initialised the fixture).</summary>
    public RedisClusterTestServer Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Server = await TestServers.GetRedisClusterAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask; // shared: ends with the test run
}
