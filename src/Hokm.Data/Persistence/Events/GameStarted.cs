namespace Hokm.Data.Persistence.Events;

/// <summary>
/// Outbox event <c>game_started</c>: creates the <c>games</c> row (status <c>playing</c>) and its
/// <c>game_players</c>. Idempotent by <paramref name="GameId"/>.
/// </summary>
/// <param name="GameId">The game's id.</param>
/// <param name="Room">The room code.</param>
/// <param name="StartedAt">When the game started.</param>
/// <param name="TargetScore">Points that win the game.</param>
/// <param name="SeedHash">The hash of the shuffle seed (the seed itself is published when the game ends).</param>
/// <param name="Players">The four seats.</param>
public sealed record GameStarted(
    string GameId,
    string Room,
    DateTimeOffset StartedAt,
    int TargetScore,
    string SeedHash,
    IReadOnlyList<SeatAssignment> Players);
