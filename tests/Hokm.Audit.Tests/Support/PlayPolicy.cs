namespace Hokm.Audit.Tests.Support;

/// <summary>How the generated players pick among their legal cards.</summary>
public enum PlayPolicy
{
    /// <summary>The first legal card in the order the seat was dealt.</summary>
    FirstLegal,

    /// <summary>The highest-ranked legal card (the first of equal ranks): a crude greedy player.</summary>
    HighestLegal,
}
