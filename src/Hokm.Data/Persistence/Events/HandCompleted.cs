namespace Hokm.Data.Persistence.Events;

/// <summary>Outbox event <c>hand_completed</c>: one row of <c>hands</c>, idempotent by (<paramref name="GameId"/>, <paramref name="Number"/>).</summary>
/// <param name="GameId">The game.</param>
/// <param name="Number">The hand number, from 1.</param>
/// <param name="Hakem">The Hakem's seat, 0–3.</param>
/// <param name="Trump">The trump suit (protocol letter, e.g. <c>H</c>).</param>
/// <param name="TrumpAuto">True when trump was chosen on timeout.</param>
/// <param name="TricksA">Tricks taken by team A.</param>
/// <param name="TricksB">Tricks taken by team B.</param>
/// <param name="Winner">The team that won the hand.</param>
/// <param name="Points">Points scored: 1, 2 (Kot) or 3 (Hakem Kot).</param>
/// <param name="Kot">Whether the hand was a sweep.</param>
public sealed record HandCompleted(
    string GameId,
    int Number,
    int Hakem,
    string Trump,
    bool TrumpAuto,
    int TricksA,
    int TricksB,
    TeamSide Winner,
    int Points,
    KotKind Kot);
