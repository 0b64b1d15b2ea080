namespace Hokm.Game.Bots;

/// <summary>Which bots sit at a simulated table.</summary>
public enum BotLineup
{
    /// <summary>Four heuristic bots.</summary>
    Heuristic,

    /// <summary>Four random bots.</summary>
    Random,

    /// <summary>Heuristic team A (seats 0, 2) against random team B (seats 1, 3).</summary>
    Mixed,
}
