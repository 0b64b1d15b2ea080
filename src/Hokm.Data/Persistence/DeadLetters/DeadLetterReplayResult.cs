namespace Hokm.Data.Persistence.DeadLetters;

/// <summary>The outcome of <see cref="IDeadLetterStore.ReplayAsync"/>.</summary>
/// <param name="Found">False when no dead letter has the id.</param>
/// <param name="Replayed">True when the entry is now stored (or already was) and the letter is marked replayed.</param>
/// <param name="Error">Why the replay failed, when it did; the letter's error and attempts are updated too.</param>
public sealed record DeadLetterReplayResult(bool Found, bool Replayed, string? Error);
