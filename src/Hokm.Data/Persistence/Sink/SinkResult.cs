namespace Hokm.Data.Persistence.Sink;

/// <summary>What one <see cref="IOutboxSink.WriteAsync"/> call did.</summary>
/// <param name="Entries">Entries given.</param>
/// <param name="Written">Entries that are now stored: newly, or already by an earlier delivery.</param>
/// <param name="Inserted">Of <paramref name="Written"/>, those whose row was new (the rest were redeliveries).</param>
/// <param name="Failures">Entries that cannot be written, with the reason; never retried by the sink itself.</param>
public sealed record SinkResult(int Entries, int Written, int Inserted, IReadOnlyList<SinkFailure> Failures)
{
    /// <summary>True when every entry is stored.</summary>
    public bool Succeeded => Failures.Count == 0;
}
