namespace Hokm.Server.Operations;

/// <summary>The <c>/health/live</c> and <c>/health/ready</c> body.</summary>
/// <param name="Status"><c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</param>
/// <param name="Checks">Each check's status and description (empty for liveness).</param>
public sealed record StatusResponse(string Status, IReadOnlyDictionary<string, string> Checks);
