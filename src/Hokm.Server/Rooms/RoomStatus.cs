using System.Text.Json.Serialization;

namespace Hokm.Server.Rooms;

/// <summary>Where a room stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoomStatus>))]
internal enum RoomStatus
{
    /// <summary>Seats are being filled; the game starts when all four are.</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,

    /// <summary>The game is being played.</summary>
    [JsonStringEnumMemberName("playing")]
    Playing,

    /// <summary>The last hand is scored; the game is being written through to the persistent store.</summary>
    [JsonStringEnumMemberName("completing")]
    Completing,

    /// <summary>The game is stored and <c>game_over</c> was sent.</summary>
    [JsonStringEnumMemberName("finished")]
    Finished,
}
