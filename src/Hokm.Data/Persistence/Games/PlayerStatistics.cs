namespace Hokm.Data.Persistence.Games;

/// <summary>A human player's running totals (<c>player_stats</c>).</summary>
/// <param name="PlayerId">The player.</param>
/// <param name="Games">Games finished.</param>
/// <param name="Wins">Games won.</param>
/// <param name="Hands">Hands played.</param>
/// <param name="Tricks">Tricks taken by the player's team in those hands.</param>
/// <param name="Kots">Hands the player's team won 7–0 (Hakem Kot included).</param>
/// <param name="KotsSuffered">Hands the player's team lost 7–0.</param>
/// <param name="HakemHands">Hands the player was Hakem.</param>
/// <param name="HakemWins">Of those, hands the player's team won.</param>
/// <param name="Rating">The rating.</param>
/// <param name="UpdatedAt">When the totals last changed.</param>
public sealed record PlayerStatistics(
    string PlayerId,
    int Games,
    int Wins,
    int Hands,
    int Tricks,
    int Kots,
    int KotsSuffered,
    int HakemHands,
    int HakemWins,
    double Rating,
    DateTimeOffset UpdatedAt);
