using System.Text.Json.Serialization;

namespace Hokm.Game.Records;

/// <summary>Source-generated JSON for game records (camelCase; teams, suits, cards and kot as in PROTOCOL.md).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GameRecord))]
public sealed partial class GameRecordJsonContext : JsonSerializerContext;
