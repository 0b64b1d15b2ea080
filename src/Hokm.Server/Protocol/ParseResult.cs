namespace Hokm.Server.Protocol;

/// <summary>Either a command or the error that a frame produced (never both).</summary>
internal readonly record struct ParseResult(ClientCommand? Command, ProtocolError? Error)
{
    public static ParseResult Ok(ClientCommand command) => new(command, null);

    public static ParseResult Fail(string code, string message, string? replyTo = null) => new(null, new ProtocolError(code, message, replyTo));
}
