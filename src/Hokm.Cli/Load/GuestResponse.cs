namespace Hokm.Cli.Load;

/// <summary><c>POST /api/auth/guest</c> → <c>{"playerId","name","token"}</c>.</summary>
internal sealed record GuestResponse(string? PlayerId, string? Name, string? Token);
