namespace Hokm.Data.Persistence.Model;

/// <summary>A row of <c>game_players</c>: who sat in one seat of one game.</summary>
public sealed class GamePlayerRow
{
    /// <summary>The game.</summary>
    public required string GameId { get; set; }

    /// <summary>The seat, 0–3.</summary>
    public int Seat { get; set; }

    /// <summary>The player; null for a bot.</summary>
    public string? PlayerId { get; set; }

    /// <summary>The name shown at the table.</summary>
    public required string Name { get; set; }

    /// <summary><c>A</c> (seats 0 and 2) or <c>B</c> (seats 1 and 3).</summary>
    public required string Team { get; set; }

    /// <summary>True when a bot played the seat.</summary>
    public bool IsBot { get; set; }
}
