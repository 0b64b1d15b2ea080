namespace Hokm.Server.Operations;

/// <summary>Log messages of the operations surface (event ids 4000–4099).</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(4000, LogLevel.Information, "Hokm server starting in {Mode} mode ({Environment}): live tier {LiveTier}; persistent tier {PersistentTier}")]
    public static partial void StartingMode(ILogger logger, string mode, string environment, string liveTier, string persistentTier);

    [LoggerMessage(4001, LogLevel.Warning, "Request {Path} failed: the {Store} store is unavailable ({Error}); answered 503")]
    public static partial void StoreUnavailable(ILogger logger, string store, string path, string error);

    [LoggerMessage(4002, LogLevel.Warning, "Health: {Status}; redis {Redis}, postgresql {Postgresql}, sync {Sync}")]
    public static partial void HealthChanged(ILogger logger, string status, string redis, string postgresql, string sync);

    [LoggerMessage(4003, LogLevel.Information, "Health: healthy again; redis {Redis}, postgresql {Postgresql}, sync {Sync}")]
    public static partial void HealthRecovered(ILogger logger, string redis, string postgresql, string sync);
}
