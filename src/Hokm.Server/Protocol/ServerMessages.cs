using System.Text.Json;

namespace Hokm.Server.Protocol;

/// <summary>Serialises server messages to the UTF-8 text of one WebSocket frame.</summary>
internal static class ServerMessages
{
    /// <summary>The protocol version announced in <c>welcome</c>.</summary>
    public const int ProtocolVersion = 1;

    /// <summary>The message as UTF-8 JSON.</summary>
    public static byte[] Serialize(ServerMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, ProtocolJsonContext.Default.ServerMessage);
}
