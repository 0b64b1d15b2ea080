namespace Hokm.Data.Persistence.Model;

/// <summary>A row of <c>hands</c>: the outcome of one hand.</summary>
public sealed class HandRow
{
    /// <summary>The game.</summary>
    public required string GameId { get; set; }

    /// <summary>The hand number, from 1.</summary>
    public int Number { get; set; }

    /// <summary>The Hakem's seat.</summary>
    public int Hakem { get; set; }

    /// <summary>The trump suit (protocol letter).</summary>
    public required string Trump { get; set; }

    /// <summary>True when trump was chosen on timeout.</summary>
    public bool TrumpAuto { get; set; }

    /// <summary>Tricks taken by team A.</summary>
    public int TricksA { get; set; }

    /// <summary>Tricks taken by team B.</summary>
    public int TricksB { get; set; }

    /// <summary>The team that won the hand, <c>A</c> or <c>B</c>.</summary>
    public required string Winner { get; set; }

    /// <summary>Points scored: 1, 2 or 3.</summary>
    public int Points { get; set; }

    /// <summary><c>none</c>, <c>kot</c> or <c>hakem_kot</c>.</summary>
    public required string Kot { get; set; }
}
