using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Persistence.Games;

/// <summary>
/// Everything the write-through completion of a game stores: the final game row, its seats, every
/// hand, and (derived from those) the human players' statistics. It carries the start-of-game
/// facts too, so it is complete on its own even when the game's outbox has not been drained yet.
/// </summary>
/// <param name="Game">The game as it started (id, room, start time, target, seed hash, seats).</param>
/// <param name="EndedAt">When the game ended.</param>
/// <param name="Winner">The winning team.</param>
/// <param name="ScoreA">Team A's final points.</param>
/// <param name="ScoreB">Team B's final points.</param>
/// <param name="Seed">The shuffle seed, published now that the game is over (null where it was not kept).</param>
/// <param name="Hands">Every hand, in order.</param>
public sealed record GameCompletion(
    GameStarted Game,
    DateTimeOffset EndedAt,
    TeamSide Winner,
    int ScoreA,
    int ScoreB,
    string? Seed,
    IReadOnlyList<HandCompleted> Hands);
