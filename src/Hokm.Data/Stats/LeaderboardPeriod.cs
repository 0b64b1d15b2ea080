using System.Globalization;

namespace Hokm.Data.Stats;

/// <summary>The period a board covers at a given time: its id and its bounds (UTC).</summary>
/// <param name="Id">The period id (<c>all</c>, <c>2026-W48</c>, <c>2026-11</c>).</param>
/// <param name="Start">Inclusive start; null for the global board.</param>
/// <param name="End">Exclusive end; null for the global board.</param>
public sealed record LeaderboardPeriod(string Id, DateTimeOffset? Start, DateTimeOffset? End)
{
    /// <summary>The period of <paramref name="type"/> that contains <paramref name="at"/>.</summary>
    public static LeaderboardPeriod For(LeaderboardType type, DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        switch (type)
        {
            case LeaderboardType.Weekly:
            {
                var year = ISOWeek.GetYear(utc);
                var week = ISOWeek.GetWeekOfYear(utc);
                var start = new DateTimeOffset(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday), TimeSpan.Zero);
                return new(string.Create(CultureInfo.InvariantCulture, $"{year}-W{week:00}"), start, start.AddDays(7));
            }

            case LeaderboardType.Monthly:
            {
                var start = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
                return new(string.Create(CultureInfo.InvariantCulture, $"{utc.Year}-{utc.Month:00}"), start, start.AddMonths(1));
            }

            default:
                return new("all", null, null);
        }
    }
}
