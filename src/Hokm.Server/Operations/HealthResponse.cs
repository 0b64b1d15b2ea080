namespace Hokm.Server.Operations;

/// <summary>The <c>/health</c> body: overall status and each part of the data layer.</summary>
/// <param name="Status"><c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</param>
/// <param name="Redis">The live tier (Redis or embedded Garnet).</param>
/// <param name="Postgresql">The persistent tier (PostgreSQL or SQLite).</param>
/// <param name="Sync">The write-behind sync worker.</param>
/// <param name="Node">The id of the server node that answered (docs/scaling.md).</param>
public sealed record HealthResponse(string Status, ComponentHealthResponse Redis, ComponentHealthResponse Postgresql, ComponentHealthResponse Sync, string? Node = null);
