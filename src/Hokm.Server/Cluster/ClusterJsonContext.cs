using System.Text.Json.Serialization;

namespace Hokm.Server.Cluster;

/// <summary>Source-generated JSON for the messages between nodes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(BusMessage))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
