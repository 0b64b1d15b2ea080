namespace Hokm.Data.Stats;

/// <summary>How the game is played, over the games a <see cref="GamePatternFilters"/> selects.</summary>
/// <param name="Games">Games selected.</param>
/// <param name="Hands">Their hands.</param>
/// <param name="HakemTeamWinRate">Share of hands won by the Hakem's team.</param>
/// <param name="Kots">Hands won 7–0 (either kind).</param>
/// <param name="HakemKots">Of those, Kots against the Hakem's team (worth 3).</param>
/// <param name="KotRate">Kots ÷ hands.</param>
/// <param name="TrumpSuits">Per trump suit: hands, share and the Hakem team's win rate; by suit letter.</param>
/// <param name="AverageHandsPerGame">Hands ÷ games.</param>
/// <param name="HandsPerGame">Games by their number of hands, ascending.</param>
/// <param name="AverageDuration">Mean length of the finished games among them.</param>
/// <param name="Durations">Finished games by length bucket.</param>
public sealed record GamePatterns(
    int Games,
    int Hands,
    double HakemTeamWinRate,
    int Kots,
    int HakemKots,
    double KotRate,
    IReadOnlyList<TrumpSuitPattern> TrumpSuits,
    double AverageHandsPerGame,
    IReadOnlyList<HandsPerGameCount> HandsPerGame,
    TimeSpan AverageDuration,
    IReadOnlyList<DurationBucket> Durations);
