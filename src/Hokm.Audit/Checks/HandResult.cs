namespace Hokm.Audit.Checks;

/// <summary>Which team took the hand and the points it scored.</summary>
internal sealed record HandResult(Team Winner, int Points);
