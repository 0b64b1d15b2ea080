using System.Data.Common;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Persistence.Sink;
using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Persistence.Rooms;

/// <summary>The persistent room store on PostgreSQL or SQLite.</summary>
internal sealed class PersistentRoomStore(PersistenceConnection connection, IDbContextFactory<HokmDbContext> contexts, TimeProvider time) : IPersistentRoomStore
{
    // Both providers speak INSERT … ON CONFLICT … DO UPDATE … WHERE. The WHERE keeps a row that is
    // ahead of the caller (another writer committed a newer version) untouched: zero rows = conflict.
    private const string UpsertSql = """
        INSERT INTO live_rooms (room, version, document, last_sequence, updated_at_ms, needs_rehydration)
        VALUES (@room, @version, @document, @seq, @at, @flag)
        ON CONFLICT (room) DO UPDATE SET
            version = excluded.version, document = excluded.document, last_sequence = excluded.last_sequence,
            updated_at_ms = excluded.updated_at_ms, needs_rehydration = excluded.needs_rehydration
        WHERE live_rooms.version <= @expected
        """;

    private readonly ISinkWriter _writer = SinkWriters.For(connection.Provider);

    public async Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, long lastSequence, IReadOnlyList<OutboxEvent> events, bool needsRehydration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = time.GetUtcNow();
        var entries = events.Select((e, i) => new OutboxEntry(room, lastSequence + i + 1, e.Type, now, e.Payload)).ToList();
        var (batch, failures) = OutboxEntryParser.Parse(entries);
        if (failures.Count > 0)
        {
            throw new ArgumentException($"Event {failures[0].Entry.Type} cannot be stored: {failures[0].Error}", nameof(events));
        }

        await using var db = await connection.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var newVersion = expectedVersion + 1;
        var rows = await ExecuteAsync(db, transaction, UpsertSql, cancellationToken,
            ("room", room), ("version", newVersion), ("document", document), ("seq", lastSequence + events.Count),
            ("at", now.ToUnixTimeMilliseconds()), ("flag", needsRehydration), ("expected", expectedVersion));
        if (rows == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var current = await GetAsync(room, cancellationToken);
            return new CommitResult(CommitStatus.VersionConflict, current?.Version ?? 0, 0);
        }

        if (batch.Count > 0)
        {
            await _writer.WriteAsync(db, transaction, batch, SinkWriteMode.SkipExisting, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CommitResult(CommitStatus.Committed, newVersion, lastSequence + events.Count);
    }

    public async Task<RoomState?> GetAsync(string room, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.LiveRooms.AsNoTracking().SingleOrDefaultAsync(r => r.Room == room, cancellationToken);
        return row is null ? null : ToState(row);
    }

    public async Task<IReadOnlyList<RoomState>> ListNeedingRehydrationAsync(int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.LiveRooms.AsNoTracking().Where(r => r.NeedsRehydration).OrderBy(r => r.UpdatedAtMs).Take(max).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToState);
    }

    public async Task MarkRehydratedAsync(string room, long version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.LiveRooms.Where(r => r.Room == room && r.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NeedsRehydration, false), cancellationToken);
    }

    public async Task MarkNeedsRehydrationAsync(string room, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.LiveRooms.Where(r => r.Room == room)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NeedsRehydration, true), cancellationToken);
    }

    private static RoomState ToState(LiveRoomRow row) =>
        new(row.Room, row.Version, row.Document, row.LastSequence, DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAtMs));

    private static async Task<int> ExecuteAsync(DbConnection db, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
