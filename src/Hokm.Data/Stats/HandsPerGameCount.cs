namespace Hokm.Data.Stats;

/// <summary>How many games had <paramref name="Hands"/> hands.</summary>
/// <param name="Hands">Hands in a game.</param>
/// <param name="Games">Games with that many hands.</param>
public sealed record HandsPerGameCount(int Hands, int Games);
