using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hokm.Server.Operations;

/// <summary>Source-generated JSON for the health endpoints.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(StatusResponse))]
internal sealed partial class OperationsJsonContext : JsonSerializerContext;
