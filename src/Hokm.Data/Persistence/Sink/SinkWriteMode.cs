namespace Hokm.Data.Persistence.Sink;

/// <summary>How a writer treats rows whose key is already stored.</summary>
internal enum SinkWriteMode
{
    /// <summary>
    /// Plain inserts (or, on PostgreSQL, COPY): a stored key fails the statement
    /// (<see cref="ISinkWriter.IsDuplicateKey"/>). The fast path for first deliveries —
    /// <c>ON CONFLICT</c>'s speculative insertion costs PostgreSQL a good part of the insert again.
    /// </summary>
    InsertOnly,

    /// <summary>Rows whose key is stored are skipped (<c>ON CONFLICT DO NOTHING</c>): redeliveries.</summary>
    SkipExisting,
}
