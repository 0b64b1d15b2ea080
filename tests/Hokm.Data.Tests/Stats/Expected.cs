using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;

namespace Hokm.Data.Tests.Stats;

/// <summary>
/// What the statistics should say, computed here from the completions themselves — never through
/// the code under test — so that each assertion compares two independent computations.
/// </summary>
internal static class Expected
{
    public static IEnumerable<SeatAssignment> Humans(GameCompletion c) => c.Game.Players.Where(static p => !p.Bot && p.PlayerId is not null);

    /// <summary>Ratings after replaying the games in order: Elo on team averages, K = 32, a team without humans counts 1500.</summary>
    public static Dictionary<string, double> Ratings(IEnumerable<GameCompletion> completions, double k = 32)
    {
        var ratings = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in completions)
        {
            var humans = Humans(c).ToList();
            foreach (var h in humans)
            {
                ratings.TryAdd(h.PlayerId!, 1500);
            }

            double Team(int parity)
            {
                var members = humans.Where(h => h.Seat % 2 == parity).Select(h => ratings[h.PlayerId!]).ToList();
                return members.Count == 0 ? 1500 : members.Sum() / members.Count;
            }

            var a = Team(0);
            var b = Team(1);
            var expectedA = 1 / (1 + Math.Pow(10, (b - a) / 400));
            var scoreA = c.Winner == TeamSide.A ? 1.0 : 0.0;
            foreach (var h in humans)
            {
                ratings[h.PlayerId!] += h.Seat % 2 == 0 ? k * (scoreA - expectedA) : k * ((1 - scoreA) - (1 - expectedA));
            }
        }

        return ratings;
    }

    /// <summary>A ranking as the sorted set orders it: score descending, ties by player id descending (ordinal).</summary>
    public static List<(string PlayerId, double Score)> Rank(IEnumerable<KeyValuePair<string, double>> scores) =>
        scores.OrderByDescending(static s => s.Value).ThenByDescending(static s => s.Key, StringComparer.Ordinal)
            .Select(static s => (s.Key, s.Value)).ToList();

    /// <summary>Wins of each human in games that ended in <c>[start, end)</c>.</summary>
    public static Dictionary<string, double> Wins(IEnumerable<GameCompletion> completions, DateTimeOffset start, DateTimeOffset end) =>
        completions.Where(c => c.EndedAt >= start && c.EndedAt < end)
            .SelectMany(c => Humans(c).Where(h => (h.Seat % 2 == 0 ? TeamSide.A : TeamSide.B) == c.Winner))
            .GroupBy(static h => h.PlayerId!)
            .ToDictionary(static g => g.Key, static g => (double)g.Count(), StringComparer.Ordinal);

    /// <summary>Monday 00:00 UTC of the week of <paramref name="at"/>.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset at)
    {
        var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    public static DateTimeOffset MonthStart(DateTimeOffset at) => new(at.Year, at.Month, 1, 0, 0, 0, TimeSpan.Zero);
}
