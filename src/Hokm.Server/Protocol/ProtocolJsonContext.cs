using System.Text.Json.Serialization;

namespace Hokm.Server.Protocol;

/// <summary>
/// Source-generated JSON of the server's messages: camelCase, <c>type</c> first, cards, suits,
/// teams and scores as docs/protocol.md writes them.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ServerMessage))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
