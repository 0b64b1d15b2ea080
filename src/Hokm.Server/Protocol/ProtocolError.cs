namespace Hokm.Server.Protocol;

/// <summary>An error to send back: a code of <see cref="ErrorCodes"/>, a message for people, and the request's id.</summary>
internal sealed record ProtocolError(string Code, string Message, string? ReplyTo = null);
