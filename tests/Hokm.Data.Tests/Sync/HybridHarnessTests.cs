using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Data.Tests.Sync;

/// <summary>
/// Base of the test classes that run the same contract on both kinds of stores: a fresh
/// <see cref="HybridHarness"/> per test, on real Redis + PostgreSQL or on embedded Garnet + a SQLite file.
/// </summary>
public abstract class HybridHarnessTests(bool embedded) : IAsyncLifetime
{
    private readonly DirectoryInfo? _folder = embedded ? Directory.CreateTempSubdirectory("hokm-sqlite-") : null;
    private HybridHarness _harness = null!;

    private protected HybridHarness Harness => _harness;

    public async Task InitializeAsync()
    {
        if (_folder is not null)
        {
            var garnet = await TestServers.GetGarnetAsync();
            _harness = await HybridHarness.CreateAsync(garnet.ConnectionString, null, Path.Combine(_folder.FullName, "hokm.db"));
            return;
        }

        var redis = await TestServers.GetRedisAsync();
        var postgres = await TestServers.GetPostgresAsync();
        _harness = await HybridHarness.CreateAsync(redis.ConnectionString, await postgres.CreateDatabaseAsync());
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _folder.Delete(recursive: true);
        }
    }
}
