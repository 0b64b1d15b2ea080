namespace Hokm.Server.Operations;

/// <summary>The server's own logging switches, bound from <c>Hokm:Logging</c> (levels and extra sinks live in the <c>Serilog</c> section).</summary>
public sealed class LoggingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hokm:Logging";

    /// <summary>Console output as compact JSON (one CLEF object per line) instead of text.</summary>
    public bool Json { get; set; }

    /// <summary>One summary line per HTTP request (health and metrics scrapes only at Verbose).</summary>
    public bool RequestLogging { get; set; } = true;
}
