namespace Hokm.Data.Stats;

/// <summary>One trump suit in <see cref="GamePatterns"/>.</summary>
/// <param name="Suit">The suit letter (<c>S</c>, <c>H</c>, <c>D</c>, <c>C</c>).</param>
/// <param name="Hands">Hands played with it as trump.</param>
/// <param name="Share">Hands ÷ all hands.</param>
/// <param name="HakemTeamWins">Of those, hands the Hakem's team won.</param>
/// <param name="HakemTeamWinRate">Hakem team wins ÷ hands.</param>
public sealed record TrumpSuitPattern(string Suit, int Hands, double Share, int HakemTeamWins, double HakemTeamWinRate);
