using Microsoft.Extensions.Logging;

namespace Hokm.Data.Persistence;

/// <summary>The persistent tier's log messages (event ids 1100–1199).</summary>
internal static partial class PersistenceLog
{
    [LoggerMessage(1100, LogLevel.Information, "Persistent tier: {Provider} at {Target}")]
    public static partial void Selected(ILogger logger, PersistenceProvider provider, string target);

    [LoggerMessage(1101, LogLevel.Information, "Persistent tier: applied {Count} migration(s) on {Provider}: {Migrations}")]
    public static partial void MigrationsApplied(ILogger logger, int count, PersistenceProvider provider, string migrations);

    [LoggerMessage(1102, LogLevel.Debug, "Persistent tier: schema of {Provider} is up to date")]
    public static partial void SchemaUpToDate(ILogger logger, PersistenceProvider provider);

    [LoggerMessage(1110, LogLevel.Debug, "Sink wrote {Entries} entries ({Inserted} new, {Failed} failed) in {ElapsedMs:0.0} ms")]
    public static partial void SinkWrote(ILogger logger, int entries, int inserted, int failed, double elapsedMs);

    [LoggerMessage(1111, LogLevel.Warning, "Sink: the database refused a batch of {Entries} entries ({Error}); writing them one by one to find the culprit")]
    public static partial void SinkBatchRefused(ILogger logger, int entries, string error);

    [LoggerMessage(1112, LogLevel.Warning, "Sink: entry {Room}#{Sequence} of type {Type} cannot be written: {Reason}: {Error}")]
    public static partial void SinkEntryFailed(ILogger logger, string room, long sequence, string type, string reason, string error);

    [LoggerMessage(1120, LogLevel.Warning, "Dead letter {Id}: {Type} from {Source} after {Attempts} attempt(s): {Error}")]
    public static partial void DeadLettered(ILogger logger, long id, string type, string source, int attempts, string error);

    [LoggerMessage(1121, LogLevel.Information, "Dead letter {Id} replayed")]
    public static partial void DeadLetterReplayed(ILogger logger, long id);

    [LoggerMessage(1130, LogLevel.Information, "Game {GameId} completed: winner {Winner}, {ScoreA}-{ScoreB}, {Hands} hands")]
    public static partial void GameCompleted(ILogger logger, string gameId, string winner, int scoreA, int scoreB, int hands);

    [LoggerMessage(1131, LogLevel.Debug, "Game {GameId} was already completed; nothing written")]
    public static partial void GameAlreadyCompleted(ILogger logger, string gameId);
}
