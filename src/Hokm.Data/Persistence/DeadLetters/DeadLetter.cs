namespace Hokm.Data.Persistence.DeadLetters;

/// <summary>An outbox entry that kept failing, kept for inspection and replay.</summary>
/// <param name="Id">The dead letter's id.</param>
/// <param name="Source">Where the entry came from (its room code).</param>
/// <param name="Sequence">Its outbox sequence number, when known.</param>
/// <param name="Type">Its event type.</param>
/// <param name="Payload">Its payload (as last corrected, when a replay corrected it).</param>
/// <param name="Error">The last error.</param>
/// <param name="Attempts">How many times writing it was tried.</param>
/// <param name="FirstFailureAt">When it first failed.</param>
/// <param name="LastFailureAt">When it last failed.</param>
/// <param name="ReplayedAt">When a replay wrote it; null while it waits.</param>
public sealed record DeadLetter(
    long Id,
    string Source,
    long? Sequence,
    string Type,
    string Payload,
    string Error,
    int Attempts,
    DateTimeOffset FirstFailureAt,
    DateTimeOffset LastFailureAt,
    DateTimeOffset? ReplayedAt);
