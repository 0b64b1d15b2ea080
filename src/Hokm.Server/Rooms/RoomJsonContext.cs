using System.Text.Json.Serialization;

namespace Hokm.Server.Rooms;

/// <summary>Source-generated JSON of the room document (camelCase; the game snapshot as Hokm.Game writes it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RoomDocument))]
internal sealed partial class RoomJsonContext : JsonSerializerContext;
