using System.ComponentModel.DataAnnotations;

namespace Hokm.Server.Connections;

/// <summary>WebSocket limits and timers, bound from <c>Hokm:Connections</c> (docs/server.md lists the defaults).</summary>
public sealed class ConnectionOptions
{
    /// <summary>Messages a socket may send per second on average (token-bucket refill rate).</summary>
    [Range(0.01, 10_000)]
    public double MessagesPerSecond { get; set; } = 10;

    /// <summary>Messages a socket may send in a burst (token-bucket size).</summary>
    [Range(1, 10_000)]
    public int Burst { get; set; } = 20;

    /// <summary><c>rate_limited</c> answers within <see cref="RateViolationWindow"/> after which the socket is closed with 1008.</summary>
    [Range(1, 10_000)]
    public int MaxRateViolations { get; set; } = 10;

    /// <summary>The window <see cref="MaxRateViolations"/> is counted in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateViolationWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A socket that sends nothing for this long is closed (1000). Clients keep it open with <c>ping</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>WebSocket-level ping interval (protocol keep-alive frames, answered by the client's stack).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a WebSocket-level ping may go unanswered before the socket is aborted (0: never).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Frames queued to a socket beyond which the client counts as stuck and is disconnected.</summary>
    [Range(16, 1_000_000)]
    public int SendQueueLimit { get; set; } = 1024;

    /// <summary>How long the server waits for the client's answer to a close frame.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a connected player's presence is refreshed in Redis (on traffic).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PresenceRefresh { get; set; } = TimeSpan.FromSeconds(30);
}
