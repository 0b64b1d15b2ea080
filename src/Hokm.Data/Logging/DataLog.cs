using Microsoft.Extensions.Logging;

namespace Hokm.Data.Logging;

/// <summary>The data layer's log messages (source-generated, with event ids and structured fields).</summary>
internal static partial class DataLog
{
    [LoggerMessage(1000, LogLevel.Information, "Live tier: embedded Garnet started in-process on 127.0.0.1:{Port}, data in {DataDirectory}")]
    public static partial void EmbeddedGarnetStarted(ILogger logger, int port, string dataDirectory);

    [LoggerMessage(1001, LogLevel.Information, "Live tier: connected to {Kind} at {Endpoints}")]
    public static partial void RedisConnected(ILogger logger, string kind, string endpoints);
}
