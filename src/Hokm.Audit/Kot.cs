namespace Hokm.Audit;

/// <summary>The kind of 7–0 sweep in a hand, written <c>none</c>, <c>kot</c>, <c>hakem_kot</c>.</summary>
public enum Kot
{
    /// <summary>The losing team won at least one trick: 1 point.</summary>
    None,

    /// <summary>The Hakem's team won 7–0: 2 points.</summary>
    Kot,

    /// <summary>The Hakem's opponents won 7–0: 3 points.</summary>
    HakemKot,
}
