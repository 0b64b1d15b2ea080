using System.Text.Json.Serialization;

namespace Hokm.Cli.Load;

/// <summary>Source-generated JSON for the frames the load bots read and the report they write.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true)]
[JsonSerializable(typeof(ServerFrame))]
[JsonSerializable(typeof(GuestResponse))]
[JsonSerializable(typeof(GuestRequestBody))]
[JsonSerializable(typeof(LoadReport))]
internal sealed partial class LoadJsonContext : JsonSerializerContext;
