namespace Hokm.Data.Persistence.Model;

/// <summary>Values of <c>games.status</c>.</summary>
public static class GameStatuses
{
    /// <summary>Started, not yet finished.</summary>
    public const string Playing = "playing";

    /// <summary>Finished: the completion (scores, winner, seed, statistics) is written.</summary>
    public const string Finished = "finished";
}
