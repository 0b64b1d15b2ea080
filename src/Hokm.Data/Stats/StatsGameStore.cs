using Hokm.Data.Errors;
using Hokm.Data.Persistence.Games;
using Microsoft.Extensions.Logging;

namespace Hokm.Data.Stats;

/// <summary>
/// The game store with the leaderboard cache kept up to date: after a completion commits (ratings
/// included), the cached boards of that game's players are adjusted. A Redis failure there is only
/// logged — the truth is committed, and the boards heal when their TTL ends.
/// </summary>
internal sealed class StatsGameStore(IGameStore inner, LeaderboardCache boards, ILogger<StatsGameStore> logger) : IGameStore
{
    public async Task<bool> CompleteGameAsync(GameCompletion completion, CancellationToken cancellationToken = default)
    {
        if (!await inner.CompleteGameAsync(completion, cancellationToken))
        {
            return false;
        }

        try
        {
            await boards.ApplyCompletionAsync(completion, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            StatsLog.BoardUpdateFailed(logger, completion.Game.GameId, ex);
        }

        return true;
    }

    public Task<PlayerStatistics?> GetPlayerStatisticsAsync(string playerId, CancellationToken cancellationToken = default) =>
        inner.GetPlayerStatisticsAsync(playerId, cancellationToken);
}
