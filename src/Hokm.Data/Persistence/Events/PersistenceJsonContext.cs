using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hokm.Data.Persistence.Events;

/// <summary>
/// Source-generated JSON of the outbox payloads: camelCase, nulls left out, and strict on reading:
/// a constructor parameter without a default must be present, a null where none is allowed and a
/// number in quotes are errors, not defaults.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(GameStarted))]
[JsonSerializable(typeof(MoveRecorded))]
[JsonSerializable(typeof(HandCompleted))]
[JsonSerializable(typeof(ActionRecorded))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext;
