namespace Hokm.Data.Persistence.DeadLetters;

/// <summary>What the sync worker hands to <see cref="IDeadLetterStore.AddAsync(NewDeadLetter, CancellationToken)"/>.</summary>
/// <param name="Source">Where the entry came from (its room code).</param>
/// <param name="Type">Its event type.</param>
/// <param name="Payload">Its payload, as stored in the outbox.</param>
/// <param name="Error">Why it failed (the last error).</param>
/// <param name="Attempts">How many times writing it was tried.</param>
/// <param name="Sequence">Its outbox sequence number, when known.</param>
/// <param name="FirstFailureAt">When it first failed; default: now.</param>
public sealed record NewDeadLetter(
    string Source,
    string Type,
    string Payload,
    string Error,
    int Attempts,
    long? Sequence = null,
    DateTimeOffset? FirstFailureAt = null);
