namespace Hokm.Server.Operations;

/// <summary>One part of the <c>/health</c> body.</summary>
/// <param name="Status"><c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</param>
/// <param name="Description">What the probe saw (server kind, or the error).</param>
/// <param name="LatencyMs">The probe's round trip in milliseconds, when one was made.</param>
public sealed record ComponentHealthResponse(string Status, string Description, double? LatencyMs);
