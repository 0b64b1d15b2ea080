using System.Text.Json.Serialization;

namespace Hokm.Game.Rules;

/// <summary>
/// Where a game stands; the wire names are PROTOCOL.md's <c>phase</c> values (the server adds
/// <c>waiting</c> for a room whose game has not started).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<GamePhase>))]
public enum GamePhase
{
    /// <summary>The Hakem holds five cards and must name trump.</summary>
    [JsonStringEnumMemberName("choosing_trump")]
    ChoosingTrump,

    /// <summary>Tricks are being played.</summary>
    [JsonStringEnumMemberName("playing")]
    Playing,

    /// <summary>A hand has been scored; the next one starts on <see cref="HokmGame.StartNextHand"/>.</summary>
    [JsonStringEnumMemberName("hand_over")]
    HandOver,

    /// <summary>A team reached the target score.</summary>
    [JsonStringEnumMemberName("game_over")]
    GameOver,
}
