namespace Hokm.Cli.Load;

/// <summary><c>POST /api/auth/guest</c> body.</summary>
internal sealed record GuestRequestBody(string Name);
