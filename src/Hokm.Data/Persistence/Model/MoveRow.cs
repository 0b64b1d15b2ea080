namespace Hokm.Data.Persistence.Model;

/// <summary>
/// A row of <c>moves</c>, keyed by (game id, sequence). It has no foreign key to <c>games</c> on
/// purpose: during a PostgreSQL outage moves can be drained before their game's row exists.
/// </summary>
public sealed class MoveRow
{
    /// <summary>The game.</summary>
    public required string GameId { get; set; }

    /// <summary>The move's sequence number in its game, from 1.</summary>
    public long Seq { get; set; }

    /// <summary>The hand number.</summary>
    public int Hand { get; set; }

    /// <summary>The trick number within the hand (0 for the trump choice).</summary>
    public int Trick { get; set; }

    /// <summary>The seat that moved, 0–3.</summary>
    public int Seat { get; set; }

    /// <summary><c>trump</c> or <c>play</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The card played (protocol notation, e.g. <c>10H</c>); null for a trump choice.</summary>
    public string? Card { get; set; }

    /// <summary>The suit chosen as trump; null for a card play.</summary>
    public string? Suit { get; set; }

    /// <summary>True when the server moved for the player (timeout).</summary>
    public bool Auto { get; set; }

    /// <summary>When the move was made.</summary>
    public DateTimeOffset At { get; set; }
}
