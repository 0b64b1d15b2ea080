namespace Hokm.Server.Connections;

/// <summary>Log messages of the WebSocket endpoint.</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Player {PlayerId} connected (socket {ConnectionId})")]
    public static partial void Connected(ILogger logger, string playerId, long connectionId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Player {PlayerId} disconnected (socket {ConnectionId})")]
    public static partial void Disconnected(ILogger logger, string playerId, long connectionId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Player {PlayerId} opened a new socket; the old one ({ConnectionId}) is closed with 4001")]
    public static partial void Replaced(ILogger logger, string playerId, long connectionId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "WebSocket refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Socket {ConnectionId} of player {PlayerId} closed: {Reason}")]
    public static partial void ClosedByServer(ILogger logger, long connectionId, string playerId, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Could not look up the seat of player {PlayerId} on connect")]
    public static partial void SeatLookupFailed(ILogger logger, string playerId, Exception exception);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "Presence update of player {PlayerId} failed")]
    public static partial void PresenceFailed(ILogger logger, string playerId, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Socket {ConnectionId} of player {PlayerId} failed")]
    public static partial void SessionFailed(ILogger logger, long connectionId, string playerId, Exception exception);
}
