namespace Hokm.Server.Cluster;

/// <summary>Log messages of the node's cluster work (leases, routing), correlated by room code.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Node {NodeId} started (cluster mode {Enabled}, lease {LeaseTime})")]
    public static partial void NodeStarted(ILogger logger, string nodeId, bool enabled, TimeSpan leaseTime);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "A message on {Channel} could not be read")]
    public static partial void BadMessage(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Handling a {Kind} message on {Channel} failed")]
    public static partial void HandlerFailed(ILogger logger, string channel, string kind, Exception exception);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Publishing on {Channel} failed")]
    public static partial void PublishFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Room {RoomCode}: owned by node {NodeId} with fencing token {Token}")]
    public static partial void Owned(ILogger logger, string roomCode, string nodeId, long token);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Room {RoomCode}: node {NodeId} lost the room ({Reason}); its players are routed to the new owner")]
    public static partial void OwnershipLost(ILogger logger, string roomCode, string nodeId, string reason);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Debug, Message = "Room {RoomCode}: relayed to owner {Holder}")]
    public static partial void Relaying(ILogger logger, string roomCode, string holder);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "Room {RoomCode}: renewing the lease failed; Redis is unreachable ({Reason})")]
    public static partial void RenewFailed(ILogger logger, string roomCode, string reason);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Information, Message = "Room {RoomCode}: node {NodeId} takes the room over from an owner whose lease ended")]
    public static partial void TakingOver(ILogger logger, string roomCode, string nodeId);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning, Message = "The sweep for rooms without an owner failed ({Reason})")]
    public static partial void SweepFailed(ILogger logger, string reason);
}
