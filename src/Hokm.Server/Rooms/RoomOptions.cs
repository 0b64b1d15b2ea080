using System.ComponentModel.DataAnnotations;

namespace Hokm.Server.Rooms;

/// <summary>Room timers and retries, bound from <c>Hokm:Rooms</c> (docs/server.md lists the defaults).</summary>
public sealed class RoomOptions
{
    /// <summary>Time a player has to name trump or play a card; then the server acts for the seat.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dropped player keeps the seat before a bot plays it (or, before the game, before the seat is freed).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan DisconnectGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Pause between a hand's end and the next deal.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan HandPause { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a bot (or a bot standing in for a dropped player) "thinks" before it moves.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BotDelay { get; set; } = TimeSpan.FromMilliseconds(700);

    /// <summary>How long a finished room stays in memory (answering <c>sync</c>) before it is unloaded.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FinishedRoomLinger { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts of one round of the write-through game completion.</summary>
    [Range(1, 20)]
    public int CompletionAttempts { get; set; } = 4;

    /// <summary>Wait after the first failed completion attempt of a round; doubled after each.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan CompletionBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Wait between completion rounds once a round has failed (players got <c>unavailable</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CompletionRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before the server retries an automatic action (timeout, bot, next deal) whose commit failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan StoreRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for the rooms' in-flight work on graceful shutdown.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
