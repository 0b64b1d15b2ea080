using System.Data.Common;

namespace Hokm.Data.Persistence.Sink;

/// <summary>Writes a <see cref="SinkBatch"/> with one provider's bulk, idempotent SQL.</summary>
internal interface ISinkWriter
{
    PersistenceProvider Provider { get; }

    /// <summary>
    /// Inserts the rows of <paramref name="batch"/> inside <paramref name="transaction"/>; returns how
    /// many entries added a row. With <see cref="SinkWriteMode.SkipExisting"/> rows already stored
    /// are skipped; with <see cref="SinkWriteMode.InsertOnly"/> a provider may fail on them instead
    /// (<see cref="IsDuplicateKey"/>), and the caller writes the batch again skipping them.
    /// </summary>
    Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, SinkBatch batch, SinkWriteMode mode, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="exception"/> is an <see cref="SinkWriteMode.InsertOnly"/> write meeting a stored key.</summary>
    bool IsDuplicateKey(Exception exception);

    /// <summary>
    /// True when <paramref name="exception"/> says a row was refused (a constraint or a bad value),
    /// so one entry is to blame; false for errors of the store itself (connection, timeout, disk).
    /// </summary>
    bool IsRowError(Exception exception);

    /// <summary>The value to bind for a timestamp column.</summary>
    object Timestamp(DateTimeOffset value);
}
