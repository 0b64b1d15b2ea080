namespace Hokm.Data.Persistence.Games;

/// <summary>Write-through storage of finished games, and the statistics they feed.</summary>
public interface IGameStore
{
    /// <summary>
    /// Writes a finished game in one transaction: the game row (ended, winner, scores, seed,
    /// status <c>finished</c>), its seats and hands (those already drained from the outbox are kept),
    /// and the statistics of its human players. Idempotent by game id: once a game is finished,
    /// another call changes nothing and returns false. Call it before sending <c>game_over</c>.
    /// </summary>
    /// <returns>True when this call finished the game; false when it was already finished.</returns>
    /// <exception cref="ArgumentException">The completion is not valid (see the message).</exception>
    Task<bool> CompleteGameAsync(GameCompletion completion, CancellationToken cancellationToken = default);

    /// <summary>A player's totals, or null before their first finished game.</summary>
    Task<PlayerStatistics?> GetPlayerStatisticsAsync(string playerId, CancellationToken cancellationToken = default);
}
