using Hokm.Data.Live;

namespace Hokm.Data.Persistence.Sink;

/// <summary>One entry the sink could not write; the rest of its batch was written.</summary>
/// <param name="Entry">The entry, as given.</param>
/// <param name="Reason">The kind of failure.</param>
/// <param name="Error">What was wrong, for the dead-letter store and the logs.</param>
public sealed record SinkFailure(OutboxEntry Entry, SinkFailureReason Reason, string Error);
