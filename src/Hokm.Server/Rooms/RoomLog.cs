namespace Hokm.Server.Rooms;

/// <summary>Log messages of rooms, correlated by room code and game id.</summary>
internal static partial class RoomLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Room {RoomCode} created by {PlayerId} ({Bots} bots, target {TargetScore}, public {Public})")]
    public static partial void Created(ILogger logger, string roomCode, string playerId, int bots, int targetScore, bool @public);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Room {RoomCode} started game {GameId}")]
    public static partial void GameStarted(ILogger logger, string roomCode, string gameId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Room {RoomCode} finished game {GameId}: team {Winner} won {ScoreA}-{ScoreB}")]
    public static partial void GameFinished(ILogger logger, string roomCode, string gameId, string winner, int scoreA, int scoreB);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Room {RoomCode}: the store did not take the commit ({Reason}); nothing was applied")]
    public static partial void CommitFailed(ILogger logger, string roomCode, string reason, Exception? exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Room {RoomCode}: version conflict at {Version} (stored {StoredVersion}); reloading")]
    public static partial void VersionConflict(ILogger logger, string roomCode, long version, long storedVersion);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Room {RoomCode}: completing game {GameId} failed (attempt {Attempt})")]
    public static partial void CompletionFailed(ILogger logger, string roomCode, string gameId, int attempt, Exception exception);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Room {RoomCode} resumed from the store at version {Version} ({Status})")]
    public static partial void Resumed(ILogger logger, string roomCode, long version, string status);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Room {RoomCode} closed")]
    public static partial void Closed(ILogger logger, string roomCode);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "Room {RoomCode}: handling {Work} failed")]
    public static partial void WorkFailed(ILogger logger, string roomCode, string work, Exception exception);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Room {RoomCode}: a store call outside the commit failed ({Operation})")]
    public static partial void SideEffectFailed(ILogger logger, string roomCode, string operation, Exception exception);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Room {RoomCode}: the stored document cannot be read")]
    public static partial void DocumentUnreadable(ILogger logger, string roomCode, Exception exception);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Room {RoomCode}: seat {Seat} is now played by a bot ({Reason})")]
    public static partial void SeatAutomated(ILogger logger, string roomCode, int seat, string reason);
}
