using Hokm.Data.Live;

namespace Hokm.Data.Persistence.DeadLetters;

/// <summary>
/// Outbox entries that could not be written, kept in the persistent store so that nothing is ever
/// dropped: inspectable, and replayable through the sink once the cause is fixed.
/// </summary>
public interface IDeadLetterStore
{
    /// <summary>Stores a dead letter; returns its id.</summary>
    Task<long> AddAsync(NewDeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>Stores an outbox entry the sink refused, with the error and the number of attempts; returns its id.</summary>
    Task<long> AddAsync(OutboxEntry entry, string error, int attempts, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of dead letters, oldest first, after <paramref name="afterId"/> (keyset paging:
    /// pass the last id of the previous page). Replayed ones are left out unless asked for.
    /// </summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(long afterId = 0, int limit = 50, bool includeReplayed = false, CancellationToken cancellationToken = default);

    /// <summary>How many dead letters wait for a replay.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>One dead letter, or null.</summary>
    Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Marks a dead letter replayed (for example after fixing it by hand); false when there is none with that id.</summary>
    Task<bool> MarkReplayedAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the dead letter's entry through the sink again — with <paramref name="correctedPayload"/>
    /// instead of the stored one when given (it is then kept as the letter's payload) — and marks it
    /// replayed when the sink stores it. A failed replay records the new error and counts an attempt.
    /// </summary>
    Task<DeadLetterReplayResult> ReplayAsync(long id, string? correctedPayload = null, CancellationToken cancellationToken = default);
}
