using Microsoft.Extensions.Logging;

namespace Hokm.Data.Stats;

internal static partial class StatsLog
{
    [LoggerMessage(1600, LogLevel.Warning, "Leaderboards: the cached boards were not updated for game {GameId}; they are rebuilt when their TTL ends")]
    public static partial void BoardUpdateFailed(ILogger logger, string gameId, Exception exception);
}
