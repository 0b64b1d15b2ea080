using Hokm.Data.Persistence;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Sink;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Hokm.Benchmarks.Persistence;

/// <summary>
/// A migrated database on a throwaway PostgreSQL (<see cref="LocalPostgresServer"/>) with the sink
/// built as a host builds it, a bare <c>moves_raw</c> table (the columns of <c>moves</c>, no key),
/// and each way of writing a batch of moves that the sink benchmarks compare.
/// </summary>
internal sealed class SinkBenchmarkDatabase : IDisposable
{
    private readonly LocalPostgresServer _server;
    private readonly ServiceProvider _services;
    private readonly IOutboxSink _sink;
    private readonly NpgsqlDataSource _raw;

    public SinkBenchmarkDatabase()
    {
        _server = LocalPostgresServer.Start();
        var connectionString = _server.CreateDatabase("hokm_bench");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
        }).Build();
        _services = new ServiceCollection().AddLogging().AddHokmPersistence(configuration).BuildServiceProvider();
        _services.GetRequiredService<PersistenceMigrator>().MigrateAsync().GetAwaiter().GetResult();
        _sink = _services.GetRequiredService<IOutboxSink>();
        _raw = NpgsqlDataSource.Create(connectionString);
        Execute("""
            CREATE TABLE moves_raw (
                game_id character varying(64) NOT NULL, seq bigint NOT NULL, hand integer NOT NULL, trick integer NOT NULL,
                seat integer NOT NULL, kind character varying(8) NOT NULL, card character varying(3), suit character varying(1),
                auto boolean NOT NULL, at timestamp with time zone NOT NULL)
            """);
    }

    public void EmptyTables() => Execute("TRUNCATE moves, moves_raw");

    /// <summary>Typed rows, binary COPY into the bare table: the baseline.</summary>
    public Task RawCopyAsync(SinkBatchData batch) => CopyAsync("moves_raw", batch.Moves);

    /// <summary>The same COPY into the keyed <c>moves</c>: what the primary key alone costs.</summary>
    public Task RawCopyKeyedAsync(SinkBatchData batch) => CopyAsync("moves", batch.Moves);

    /// <summary>What the sync worker calls.</summary>
    public async Task<int> SinkAsync(SinkBatchData batch) => (await _sink.WriteAsync(batch.Entries)).Inserted;

    /// <summary>The sink's plain unnest insert, typed rows, one transaction.</summary>
    public async Task<int> UnnestInsertAsync(SinkBatchData batch)
    {
        await using var connection = await _raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(PostgresSinkWriter.InsertMoves, connection, transaction);
        command.Parameters.AddRange(PostgresSinkWriter.MoveColumns(batch.Parsed.Moves));
        var inserted = await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return inserted;
    }

    /// <summary>The sink's binary COPY into <c>moves</c>, typed rows, one transaction.</summary>
    public async Task<int> CopyInsertAsync(SinkBatchData batch)
    {
        await using var connection = await _raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var inserted = await PostgresSinkWriter.CopyMovesAsync(connection, batch.Parsed.Moves, default);
        await transaction.CommitAsync();
        return inserted;
    }

    /// <summary>The redelivery statement (unnest, ON CONFLICT DO NOTHING), typed rows, one transaction.</summary>
    public async Task<int> UnnestOnConflictAsync(SinkBatchData batch)
    {
        await using var connection = await _raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var inserted = await SinkWriters.For(PersistenceProvider.PostgreSql).WriteAsync(connection, transaction, batch.Parsed, SinkWriteMode.SkipExisting, default);
        await transaction.CommitAsync();
        return inserted;
    }

    /// <summary>Binary COPY into a temporary staging table, then INSERT … SELECT … ON CONFLICT DO NOTHING.</summary>
    public async Task<int> StagedCopyAsync(SinkBatchData batch)
    {
        await using var connection = await _raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS moves_stage (LIKE moves INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", connection, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var importer = await connection.BeginBinaryImportAsync("COPY moves_stage (game_id, seq, hand, trick, seat, kind, card, suit, auto, at) FROM STDIN (FORMAT BINARY)"))
        {
            await WriteRowsAsync(importer, batch.Moves);
            await importer.CompleteAsync();
        }

        await using var insert = new NpgsqlCommand("INSERT INTO moves SELECT * FROM moves_stage ON CONFLICT DO NOTHING", connection, transaction);
        var inserted = await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return inserted;
    }

    public void Dispose()
    {
        _raw.Dispose();
        _services.Dispose();
        _server.Dispose();
    }

    private async Task CopyAsync(string table, MoveRecorded[] moves)
    {
        await using var connection = await _raw.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} (game_id, seq, hand, trick, seat, kind, card, suit, auto, at) FROM STDIN (FORMAT BINARY)");
        await WriteRowsAsync(importer, moves);
        await importer.CompleteAsync();
    }

    private static async Task WriteRowsAsync(NpgsqlBinaryImporter importer, MoveRecorded[] moves)
    {
        foreach (var m in moves)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(m.GameId, NpgsqlDbType.Varchar);
            await importer.WriteAsync(m.Seq, NpgsqlDbType.Bigint);
            await importer.WriteAsync(m.Hand, NpgsqlDbType.Integer);
            await importer.WriteAsync(m.Trick, NpgsqlDbType.Integer);
            await importer.WriteAsync(m.Seat, NpgsqlDbType.Integer);
            await importer.WriteAsync("play", NpgsqlDbType.Varchar);
            await importer.WriteAsync(m.Card, NpgsqlDbType.Varchar);
            await importer.WriteNullAsync();
            await importer.WriteAsync(m.Auto, NpgsqlDbType.Boolean);
            await importer.WriteAsync(m.At.UtcDateTime, NpgsqlDbType.TimestampTz);
        }
    }

    private void Execute(string sql)
    {
        using var connection = _raw.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
