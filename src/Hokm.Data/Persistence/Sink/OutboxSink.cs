using System.Data.Common;
using System.Diagnostics;
using Hokm.Data.Live;
using Microsoft.Extensions.Logging;

namespace Hokm.Data.Persistence.Sink;

/// <summary>
/// The idempotent sink the sync worker drains outboxes into. One call is one database transaction:
/// either every writable entry is stored or none is. Entries that cannot be written are set aside
/// first (parse and validation). The batch is then written as plain inserts; a stored key (a
/// redelivery) makes it write the batch again skipping stored rows, and a row the database refuses
/// makes it write the entries one by one (each under a savepoint, still in one transaction) to
/// find the culprit.
/// </summary>
internal sealed class OutboxSink(PersistenceConnection connection, ILogger<OutboxSink> logger) : IOutboxSink
{
    private readonly ISinkWriter _writer = SinkWriters.For(connection.Provider);

    public async Task<SinkResult> WriteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var started = Stopwatch.GetTimestamp();
        var (batch, failures) = OutboxEntryParser.Parse(entries);
        var inserted = 0;
        if (batch.Count > 0)
        {
            await using var db = await connection.OpenAsync(cancellationToken);
            inserted = await WriteAllAsync(db, batch, entries, failures, cancellationToken);
        }

        foreach (var failure in failures)
        {
            PersistenceLog.SinkEntryFailed(logger, failure.Entry.Room, failure.Entry.Sequence, failure.Entry.Type, failure.Reason.ToString(), failure.Error);
        }

        PersistenceLog.SinkWrote(logger, entries.Count, inserted, failures.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new SinkResult(entries.Count, entries.Count - failures.Count, inserted, failures);
    }

    /// <summary>
    /// First as plain inserts (the usual first delivery); when a key is already stored (a
    /// redelivery), again skipping stored rows; when the database refuses a row, one by one.
    /// </summary>
    private async Task<int> WriteAllAsync(
        DbConnection db, SinkBatch batch, IReadOnlyList<OutboxEntry> entries, List<SinkFailure> failures, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteBatchAsync(db, batch, SinkWriteMode.InsertOnly, cancellationToken);
        }
        catch (Exception ex) when (_writer.IsDuplicateKey(ex))
        {
            // A redelivery: fall through and write the batch again, skipping what is stored.
        }
        catch (Exception ex) when (_writer.IsRowError(ex))
        {
            PersistenceLog.SinkBatchRefused(logger, batch.Count, ex.Message);
            return await WriteOneByOneAsync(db, batch, entries, failures, cancellationToken);
        }

        try
        {
            return await WriteBatchAsync(db, batch, SinkWriteMode.SkipExisting, cancellationToken);
        }
        catch (Exception ex) when (_writer.IsRowError(ex))
        {
            PersistenceLog.SinkBatchRefused(logger, batch.Count, ex.Message);
            return await WriteOneByOneAsync(db, batch, entries, failures, cancellationToken);
        }
    }

    private async Task<int> WriteBatchAsync(DbConnection db, SinkBatch batch, SinkWriteMode mode, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var inserted = await _writer.WriteAsync(db, transaction, batch, mode, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>
    /// The slow path, taken only when the database refused a batch: each entry under its own
    /// savepoint, so a refused one is rolled back alone and the rest still commit together.
    /// </summary>
    private async Task<int> WriteOneByOneAsync(
        DbConnection db, SinkBatch batch, IReadOnlyList<OutboxEntry> entries, List<SinkFailure> failures, CancellationToken cancellationToken)
    {
        const string Savepoint = "sink_entry";
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        foreach (var (index, single) in batch.OneByOne())
        {
            await transaction.SaveAsync(Savepoint, cancellationToken);
            try
            {
                inserted += await _writer.WriteAsync(db, transaction, single, SinkWriteMode.SkipExisting, cancellationToken);
                await transaction.ReleaseAsync(Savepoint, cancellationToken);
            }
            catch (Exception ex) when (_writer.IsRowError(ex))
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken);
                failures.Add(new SinkFailure(entries[index], SinkFailureReason.Rejected, ex.Message));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }
}
