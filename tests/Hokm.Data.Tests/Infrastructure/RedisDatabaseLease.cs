namespace Hokm.Data.Tests.Infrastructure;

/// <summary>A logical Redis database used by one test only, until disposed (see <see cref="RedisTestServer.LeaseDatabaseAsync"/>).</summary>
public sealed class RedisDatabaseLease : IAsyncDisposable
{
    private SemaphoreSlim? _slot;

    internal RedisDatabaseLease(int database, string connectionString, SemaphoreSlim slot)
    {
        Database = database;
        ConnectionString = connectionString;
        _slot = slot;
    }

    /// <summary>The database number (1-15).</summary>
    public int Database { get; }

    /// <summary>Configuration string with <c>defaultDatabase</c> set to <see cref="Database"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>Hands the database back.</summary>
    public ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _slot, null)?.Release();
        return ValueTask.CompletedTask;
    }
}
