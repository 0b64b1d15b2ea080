using Microsoft.Extensions.Logging;

namespace Hokm.Data.Embedded;

internal static partial class EmbeddedGarnetLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Embedded Garnet {GarnetVersion} listening on {Endpoint} (durable: {Durable}, data: {DataDirectory})")]
    public static partial void Started(ILogger logger, string garnetVersion, string endpoint, bool durable, string dataDirectory);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Embedded Garnet on {Endpoint} stopped")]
    public static partial void Stopped(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Port {Port} was taken before Garnet could bind it; picking another")]
    public static partial void PortTaken(ILogger logger, int port);
}
