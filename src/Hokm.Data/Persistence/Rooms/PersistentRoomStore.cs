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

    public async Task<CommitResult> CommitAsync(string room, long expectedVersion, string document, long lastSequence, IReadOnlyList<OutboxEvent> events, bool needsRehydration, CancellationToken cancellationToken = default) =>
        (await CommitManyAsync([new RoomCommit(room, expectedVersion, document, lastSequence, events)], [], needsRehydration, cancellationToken))[0];

    public async Task<IReadOnlyList<CommitResult>> CommitManyAsync(IReadOnlyList<RoomCommit> rooms, IReadOnlyList<OutboxEvent> extraEvents, bool needsRehydration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(extraEvents);
        var now = time.GetUtcNow();
        var entries = new List<OutboxEntry>();
        foreach (var commit in rooms)
        {
            entries.AddRange(commit.Events.Select((e, i) => new OutboxEntry(commit.Room, commit.LastSequence + i + 1, e.Type, now, e.Payload)));
        }

        entries.AddRange(extraEvents.Select((e, i) => new OutboxEntry("_DIRECT", i + 1, e.Type, now, e.Payload)));
        var (batch, failures) = OutboxEntryParser.Parse(entries);
        if (failures.Count > 0)
        {
            throw new ArgumentException($"Event {failures[0].Entry.Type} cannot be stored: {failures[0].Error}", nameof(rooms));
        }

        await using var db = await connection.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var results = new CommitResult[rooms.Count];
        for (var i = 0; i < rooms.Count; i++)
        {
            var commit = rooms[i];
            var newVersion = commit.ExpectedVersion + 1;
            var lastSequence = commit.LastSequence + commit.Events.Count;
            var written = await ExecuteAsync(db, transaction, UpsertSql, cancellationToken,
                ("room", commit.Room), ("version", newVersion), ("document", commit.Document), ("seq", lastSequence),
                ("at", now.ToUnixTimeMilliseconds()), ("flag", needsRehydration), ("expected", commit.ExpectedVersion));
            if (written == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return await ConflictAsync(rooms, i, cancellationToken);
            }

            results[i] = new CommitResult(CommitStatus.Committed, newVersion, lastSequence);
        }

        if (batch.Count > 0)
        {
            await _writer.WriteAsync(db, transaction, batch, SinkWriteMode.SkipExisting, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>Nothing was written: the conflicting room gets its stored version, the others are aborted.</summary>
    private async Task<IReadOnlyList<CommitResult>> ConflictAsync(IReadOnlyList<RoomCommit> rooms, int conflicting, CancellationToken cancellationToken)
    {
        var current = await GetAsync(rooms[conflicting].Room, cancellationToken);
        return rooms.Select((_, i) => i == conflicting
            ? new CommitResult(CommitStatus.VersionConflict, current?.Version ?? 0, 0)
            : new CommitResult(CommitStatus.Aborted, 0, 0)).ToList();
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
