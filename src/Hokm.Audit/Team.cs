namespace Hokm.Audit;

/// <summary>A partnership: team A sits at seats 0 and 2, team B at seats 1 and 3.</summary>
public enum Team
{
    /// <summary>Seats 0 and 2.</summary>
    A,

    /// <summary>Seats 1 and 3.</summary>
    B,
}
