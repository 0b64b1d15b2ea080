using System.Text.Json;
using Hokm.Game.Rules;

namespace Hokm.Game.Records;

/// <summary>
/// A finished game as GAME_RECORD.md's <c>hokm-record/1</c> JSON: enough to replay and audit the game
/// without the server. Property order is the documented JSON order.
/// </summary>
public sealed record GameRecord
{
    /// <summary>The format tag this code writes.</summary>
    public const string CurrentFormat = "hokm-record/1";

    /// <summary>Always <c>hokm-record/1</c>.</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>The game's id.</summary>
    public required string GameId { get; init; }

    /// <summary>The seed that reproduces the shuffles, or null where a live game did not keep it.</summary>
    public required string? Seed { get; init; }

    /// <summary>Points that win the game.</summary>
    public required int TargetScore { get; init; }

    /// <summary>The four players by seat.</summary>
    public required IReadOnlyList<RecordPlayer> Players { get; init; }

    /// <summary>The face-up draw of the first Hakem; empty when it was not used.</summary>
    public required IReadOnlyList<SeatCard> HakemDraws { get; init; }

    /// <summary>The hands in order.</summary>
    public required IReadOnlyList<HandRecord> Hands { get; init; }

    /// <summary>The winning team.</summary>
    public required Team Winner { get; init; }

    /// <summary>The final score.</summary>
    public required TeamScore Score { get; init; }

    /// <summary>The record as one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, GameRecordJsonContext.Default.GameRecord);

    /// <summary>Reads a record.</summary>
    public static GameRecord FromJson(string json) =>
        JsonSerializer.Deserialize(json, GameRecordJsonContext.Default.GameRecord) ?? throw new JsonException("The record is null.");
}
