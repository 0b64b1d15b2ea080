using Microsoft.Extensions.Logging;

namespace Hokm.Data.Logging;

/// <summary>The data layer's log messages (source-generated, with event ids and structured fields).</summary>
internal static partial class DataLog
{
    [LoggerMessage(1000, LogLevel.Information, "Live tier: embedded Garnet started in-process on 127.0.0.1:{Port}, data in {DataDirectory}")]
    public static partial void EmbeddedGarnetStarted(ILogger logger, int port, string dataDirectory);

    [LoggerMessage(1001, LogLevel.Information, "Live tier: connected to {Kind} at {Endpoints}")]
    public static partial void RedisConnected(ILogger logger, string kind, string endpoints);

    [LoggerMessage(1100, LogLevel.Warning, "Circuit breaker for {Store} opened for {BreakDuration}: {Reason}")]
    public static partial void BreakerOpened(ILogger logger, string store, TimeSpan breakDuration, string? reason);

    [LoggerMessage(1101, LogLevel.Information, "Circuit breaker for {Store} closed: the store answers again")]
    public static partial void BreakerClosed(ILogger logger, string store);

    [LoggerMessage(1200, LogLevel.Warning, "Sync: batch of {Count} entries from room {RoomCode} not written: {Error}")]
    public static partial void SyncBatchFailed(ILogger logger, string roomCode, int count, string error);

    [LoggerMessage(1201, LogLevel.Warning, "Sync: entry {Sequence} of room {RoomCode} failed (attempt {Attempts}): {Error}")]
    public static partial void SyncEntryFailed(ILogger logger, string roomCode, long sequence, int attempts, string error);

    [LoggerMessage(1202, LogLevel.Error, "Sync: entry {Sequence} of room {RoomCode} moved to dead letters after {Attempts} attempts: {Error}")]
    public static partial void SyncEntryDeadLettered(ILogger logger, string roomCode, long sequence, int attempts, string error);

    [LoggerMessage(1203, LogLevel.Debug, "Sync: room {RoomCode} backs off after {Failures} failed attempts, until {Until}")]
    public static partial void SyncRoomBackoff(ILogger logger, string roomCode, int failures, DateTimeOffset until);

    [LoggerMessage(1204, LogLevel.Information, "Sync: shutdown flush wrote {Written} entries; {Remaining} rooms still pending stay in Redis")]
    public static partial void SyncShutdownFlush(ILogger logger, int written, long remaining);

    [LoggerMessage(1205, LogLevel.Error, "Sync: pass failed unexpectedly")]
    public static partial void SyncPassCrashed(ILogger logger, Exception exception);

    [LoggerMessage(1206, LogLevel.Information, "Sync: keyspace sweep re-indexed {Count} outboxes")]
    public static partial void SyncReindexed(ILogger logger, int count);

    [LoggerMessage(1300, LogLevel.Information, "Persistent tier: {Provider} schema up to date ({Applied} migrations applied now)")]
    public static partial void MigrationsApplied(ILogger logger, string provider, int applied);

    [LoggerMessage(1301, LogLevel.Warning, "Persistent tier: {Provider} not reachable for migrations, retrying in the background: {Error}")]
    public static partial void MigrationsDeferred(ILogger logger, string provider, string error);

    [LoggerMessage(1400, LogLevel.Warning, "Room {RoomCode}: Redis unavailable, commit goes to PostgreSQL ({Reason})")]
    public static partial void CommitFellBackToPostgres(ILogger logger, string roomCode, string reason);

    [LoggerMessage(1401, LogLevel.Information, "Room {RoomCode}: Redis rebuilt from PostgreSQL at version {Version}")]
    public static partial void RoomRehydrated(ILogger logger, string roomCode, long version);

    [LoggerMessage(1402, LogLevel.Warning, "Room {RoomCode}: no store answered, served from this process's last-known state ({Reason})")]
    public static partial void ReadFellBackToCache(ILogger logger, string roomCode, string reason);

    [LoggerMessage(1403, LogLevel.Debug, "Rehydration deferred: {Reason}")]
    public static partial void RehydrationDeferred(ILogger logger, string reason);
}
