using System.Collections.Concurrent;
using Npgsql;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>A real PostgreSQL server for tests; give each test its own database with <see cref="CreateDatabaseAsync"/>.</summary>
public sealed class PostgresTestServer : TestServer
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly ConcurrentQueue<string> _createdDatabases = new();

    internal PostgresTestServer(IServerBackend backend, string connectionString)
        : base(ServerKind.PostgreSql, backend)
    {
        _connectionString = connectionString;
    }

    /// <summary>Npgsql connection string to the server's maintenance database (a superuser on local servers).</summary>
    public override string ConnectionString => _connectionString;

    /// <summary>Creates an empty database no other test uses and returns the connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"hokm_test_{Guid.NewGuid().ToString("N")[..12]}";
        // One CREATE DATABASE at a time: concurrent ones can trip over each other copying template1.
        await _createLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAdminConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _createLock.Release();
        }

        _createdDatabases.Enqueue(name);
        return new NpgsqlConnectionStringBuilder(_connectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Opens an unpooled connection to the maintenance database (dispose it).</summary>
    public async Task<NpgsqlConnection> OpenAdminConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal override void CleanUpAtExit()
    {
        DropCreatedDatabases();
        base.CleanUpAtExit();
    }

    private protected override async Task<string> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAdminConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "";
    }

    private protected override ValueTask DisposeCoreAsync()
    {
        DropCreatedDatabases();
        _createLock.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Only on servers the tests do not own: throwaway servers are deleted whole.</summary>
    private void DropCreatedDatabases()
    {
        if (Source != ServerSource.Environment || _createdDatabases.IsEmpty)
        {
            return;
        }

        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
            connection.Open();
            while (_createdDatabases.TryDequeue(out var name))
            {
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException)
        {
            // Best effort: leftovers are named hokm_test_* and harmless.
        }
    }
}
