namespace Hokm.Audit.Checks;

/// <summary>
/// A hand's result two ways, for the game-level checks (Hakem rotation, running score): as the
/// rules make it from the cards played, and as the record itself states it. Either is null when
/// the record is too damaged to tell.
/// </summary>
internal sealed record HandOutcome(HandResult? ByRules, HandResult? ByRecord);
