using System.Text.Json;
using System.Text.Json.Serialization;
using Hokm.Data.Live;

namespace Hokm.Data.Serialization;

/// <summary>Source-generated JSON for the small records this library stores itself.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RoomPlayer))]
[JsonSerializable(typeof(PlayerSeat))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
