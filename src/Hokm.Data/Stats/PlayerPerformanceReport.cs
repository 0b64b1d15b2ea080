namespace Hokm.Data.Stats;

/// <summary>
/// One player's performance over finished games that ended in <c>[From, To)</c>
/// (<see cref="IHokmStats.GeneratePlayerPerformanceReportAsync"/>).
/// </summary>
/// <param name="PlayerId">The player.</param>
/// <param name="From">Start (inclusive).</param>
/// <param name="To">End (exclusive).</param>
/// <param name="Games">Games finished.</param>
/// <param name="Wins">Games won.</param>
/// <param name="WinRate">Wins ÷ games (0 without games).</param>
/// <param name="Hands">Hands played.</param>
/// <param name="Tricks">Tricks taken by the player's team.</param>
/// <param name="TricksPerHand">Tricks ÷ hands.</param>
/// <param name="HakemHands">Hands the player was Hakem.</param>
/// <param name="HakemWins">Of those, hands their team won.</param>
/// <param name="HakemSuccessRate">Hakem wins ÷ Hakem hands.</param>
/// <param name="Kots">Hands the team won 7–0.</param>
/// <param name="KotsSuffered">Hands the team lost 7–0.</param>
/// <param name="AverageGameLength">Mean time from start to end.</param>
/// <param name="TrumpChoices">Suits the player chose as Hakem (protocol letter → hands).</param>
/// <param name="WeeklyTrend">Games and wins per ISO week, oldest first (weeks with games only).</param>
public sealed record PlayerPerformanceReport(
    string PlayerId,
    DateTimeOffset From,
    DateTimeOffset To,
    int Games,
    int Wins,
    double WinRate,
    int Hands,
    int Tricks,
    double TricksPerHand,
    int HakemHands,
    int HakemWins,
    double HakemSuccessRate,
    int Kots,
    int KotsSuffered,
    TimeSpan AverageGameLength,
    IReadOnlyDictionary<string, int> TrumpChoices,
    IReadOnlyList<WeeklyPerformance> WeeklyTrend);
