namespace Hokm.Data.Persistence.Events;

/// <summary>
/// Outbox event <c>move</c>: one row of <c>moves</c>, idempotent by (<paramref name="GameId"/>, <paramref name="Seq"/>).
/// Every value without a default must be in the JSON; the optional ones come last.
/// </summary>
/// <param name="GameId">The game.</param>
/// <param name="Seq">The move's sequence number in its game, from 1.</param>
/// <param name="Hand">The hand number, from 1.</param>
/// <param name="Trick">The trick number, 1–13 (0 for the trump choice).</param>
/// <param name="Seat">The seat that moved, 0–3.</param>
/// <param name="Kind"><c>trump</c> or <c>play</c>.</param>
/// <param name="Auto">True when the server moved for the player on timeout.</param>
/// <param name="At">When the move was made.</param>
/// <param name="Card">The card played (e.g. <c>10H</c>); required for <c>play</c>.</param>
/// <param name="Suit">The suit chosen (e.g. <c>H</c>); required for <c>trump</c>.</param>
public sealed record MoveRecorded(
    string GameId,
    long Seq,
    int Hand,
    int Trick,
    int Seat,
    MoveKind Kind,
    bool Auto,
    DateTimeOffset At,
    string? Card = null,
    string? Suit = null);
