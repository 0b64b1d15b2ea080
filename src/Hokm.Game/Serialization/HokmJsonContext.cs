using System.Text.Json.Serialization;
using Hokm.Game.Events;
using Hokm.Game.Moves;
using Hokm.Game.Rules;

namespace Hokm.Game.Serialization;

/// <summary>
/// Source-generated JSON (camelCase) for what the server stores: snapshots, events (discriminated by the
/// protocol's message <c>type</c>) and moves (discriminated by <c>kind</c>). Trim- and AOT-safe.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GameSnapshot))]
[JsonSerializable(typeof(GameEvent))]
[JsonSerializable(typeof(IReadOnlyList<GameEvent>))]
[JsonSerializable(typeof(GameMove))]
[JsonSerializable(typeof(IReadOnlyList<GameMove>))]
[JsonSerializable(typeof(SeatView))]
public sealed partial class HokmJsonContext : JsonSerializerContext;
