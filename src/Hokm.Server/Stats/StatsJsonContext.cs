using System.Text.Json;
using System.Text.Json.Serialization;
using Hokm.Data.Diagnostics;
using Hokm.Data.Stats;

namespace Hokm.Server.Stats;

/// <summary>Source-generated JSON for the statistics endpoints (camelCase; enums as strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PlayerStatsResponse))]
[JsonSerializable(typeof(LeaderboardResponse))]
[JsonSerializable(typeof(GamePatterns))]
[JsonSerializable(typeof(LiveStats))]
[JsonSerializable(typeof(PerformanceMetrics))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
