using Hokm.Data.Persistence.Model;
using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Stats;

internal sealed partial class HokmStats
{
    public async Task<PlayerPerformanceReport> GeneratePlayerPerformanceReportAsync(string playerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(playerId);
        if (to <= from)
        {
            throw new ArgumentException("'to' must be after 'from'.", nameof(to));
        }

        // Npgsql writes only UTC timestamps; the report echoes the range as asked.
        var asked = (From: from, To: to);
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // game_players(player_id) → games by primary key, filtered on ended_at; then hands by their primary key (game_id, number).
        var seats =
            from p in db.GamePlayers
            where p.PlayerId == playerId
            join g in db.Games on p.GameId equals g.Id
            where g.Status == GameStatuses.Finished && g.EndedAt >= @from && g.EndedAt < to
            select new { g.Id, p.Seat, p.Team, g.Winner, g.StartedAt, g.EndedAt };
        var games = await seats.AsNoTracking().ToListAsync(cancellationToken);
        var hands = await (
            from s in seats
            join h in db.Hands on s.Id equals h.GameId
            select new { s.Seat, s.Team, h.Hakem, h.Trump, h.TricksA, h.TricksB, h.Winner, h.Kot }).AsNoTracking().ToListAsync(cancellationToken);

        var wins = games.Count(static g => g.Team == g.Winner);
        var tricks = hands.Sum(static h => h.Team == "A" ? h.TricksA : h.TricksB);
        var hakem = hands.Where(static h => h.Hakem == h.Seat).ToList();
        var hakemWins = hakem.Count(static h => h.Winner == h.Team);
        var kots = hands.Count(static h => h.Kot != "none" && h.Winner == h.Team);
        var kotsSuffered = hands.Count(static h => h.Kot != "none" && h.Winner != h.Team);
        var length = games.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)games.Average(static g => (g.EndedAt!.Value - g.StartedAt).Ticks));
        var trumps = hakem.GroupBy(static h => h.Trump).OrderBy(static g => g.Key, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Count(), StringComparer.Ordinal);
        var trend = games
            .GroupBy(static g => LeaderboardPeriod.For(LeaderboardType.Weekly, g.EndedAt!.Value))
            .OrderBy(static g => g.Key.Start)
            .Select(static g =>
            {
                var w = g.Count(static x => x.Team == x.Winner);
                return new WeeklyPerformance(g.Key.Id, g.Key.Start!.Value, g.Count(), w, Rate(w, g.Count()));
            })
            .ToList();

        return new PlayerPerformanceReport(
            playerId, asked.From, asked.To, games.Count, wins, Rate(wins, games.Count), hands.Count, tricks,
            hands.Count == 0 ? 0 : (double)tricks / hands.Count, hakem.Count, hakemWins, Rate(hakemWins, hakem.Count),
            kots, kotsSuffered, length, trumps, trend);
    }

    public async Task<GamePatterns> AnalyzeGamePatternsAsync(GamePatternFilters filters, CancellationToken cancellationToken = default)
    {
        filters = Check(filters);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var totals = new PatternTotals();

        // The rollup holds finished games only, per UTC day and bot presence; a rating filter depends
        // on current ratings, which no rollup can hold.
        if (!filters.CompletedOnly || filters.MinRating is not null || WholeDays(filters.From, filters.To) is not { } days)
        {
            await ScanAsync(db, filters, totals, cancellationToken);
            return totals.ToPatterns();
        }

        await AddRollupAsync(db, days.First, days.End, filters.IncludeBots, totals, cancellationToken);
        foreach (var (from, to) in days.Edges)
        {
            await ScanAsync(db, filters with { From = from, To = to }, totals, cancellationToken);
        }

        return totals.ToPatterns();
    }

    /// <summary>The report from <c>games</c> and <c>hands</c> alone, never the rollup (tests and benchmarks compare the two).</summary>
    internal async Task<GamePatterns> ScanGamePatternsAsync(GamePatternFilters filters, CancellationToken cancellationToken = default)
    {
        filters = Check(filters);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var totals = new PatternTotals();
        await ScanAsync(db, filters, totals, cancellationToken);
        return totals.ToPatterns();
    }

    /// <summary>
    /// How a range of start times splits into whole UTC days, read from the rollup (<c>First</c> included,
    /// <c>End</c> excluded; null for no bound), and the partial days at its edges, scanned. Null when the
    /// range covers no whole day (it is then at most two days long, and scanned).
    /// </summary>
    internal static (DateOnly? First, DateOnly? End, List<(DateTimeOffset From, DateTimeOffset To)> Edges)? WholeDays(DateTimeOffset? from, DateTimeOffset? to)
    {
        static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var edges = new List<(DateTimeOffset From, DateTimeOffset To)>();
        DateOnly? first = null;
        DateOnly? end = null;
        if (from is { } f)
        {
            var day = DateOnly.FromDateTime(f.UtcDateTime);
            if (f.UtcDateTime.TimeOfDay != TimeSpan.Zero)
            {
                if (day == DateOnly.MaxValue)
                {
                    return null;
                }

                day = day.AddDays(1);
                edges.Add((f, Midnight(day)));
            }

            first = day;
        }

        if (to is { } t)
        {
            var day = DateOnly.FromDateTime(t.UtcDateTime);
            if (t.UtcDateTime.TimeOfDay != TimeSpan.Zero)
            {
                edges.Add((Midnight(day), t));
            }

            end = day;
        }

        return first is { } a && end is { } b && a >= b ? null : (first, end, edges);
    }

    // Bounds in UTC: Npgsql refuses other offsets, and days are UTC days.
    private static GamePatternFilters Check(GamePatternFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.From is { } f && filters.To is { } t && t <= f)
        {
            throw new ArgumentException("'to' must be after 'from'.", nameof(filters));
        }

        return filters with { From = filters.From?.ToUniversalTime(), To = filters.To?.ToUniversalTime() };
    }

    // Two grouped reads of the primary keys' day ranges: at most 8 rows a day for hands, a few dozen for games.
    private static async Task AddRollupAsync(HokmDbContext db, DateOnly? first, DateOnly? end, bool includeBots, PatternTotals totals, CancellationToken cancellationToken)
    {
        IQueryable<PatternDailyHandsRow> hands = db.PatternDailyHands.AsNoTracking();
        IQueryable<PatternDailyGamesRow> games = db.PatternDailyGames.AsNoTracking();
        if (first is { } a)
        {
            hands = hands.Where(r => r.Day >= a);
            games = games.Where(r => r.Day >= a);
        }

        if (end is { } b)
        {
            hands = hands.Where(r => r.Day < b);
            games = games.Where(r => r.Day < b);
        }

        if (!includeBots)
        {
            hands = hands.Where(static r => !r.HasBots);
            games = games.Where(static r => !r.HasBots);
        }

        var suits = await hands
            .GroupBy(static r => r.Trump)
            .Select(static g => new { Trump = g.Key, Hands = g.Sum(r => r.Hands), HakemWins = g.Sum(r => r.HakemWins), Kots = g.Sum(r => r.Kots), HakemKots = g.Sum(r => r.HakemKots) })
            .ToListAsync(cancellationToken);
        foreach (var s in suits)
        {
            totals.AddHands(s.Trump, s.Hands, s.HakemWins, s.Kots, s.HakemKots);
        }

        var lengths = await games
            .GroupBy(static r => new { r.HandCount, r.DurationBucket })
            .Select(static g => new { g.Key.HandCount, g.Key.DurationBucket, Games = g.Sum(r => r.Games), Ticks = g.Sum(r => r.DurationTicks) })
            .ToListAsync(cancellationToken);
        foreach (var l in lengths)
        {
            totals.AddFinishedGames(l.HandCount, l.DurationBucket, l.Games, l.Ticks);
        }
    }

    private static async Task ScanAsync(HokmDbContext db, GamePatternFilters filters, PatternTotals totals, CancellationToken cancellationToken)
    {
        var games = Select(db, filters);

        // One grouped scan of the selected games' hands: a handful of rows come back.
        var groups = await (
            from h in db.Hands
            join g in games on h.GameId equals g.Id
            group h by new { h.Trump, HakemWon = (h.Hakem % 2 == 0 ? "A" : "B") == h.Winner, h.Kot } into k
            select new { k.Key.Trump, k.Key.HakemWon, k.Key.Kot, Count = k.Count() }).ToListAsync(cancellationToken);
        foreach (var g in groups)
        {
            var kot = g.Kot != "none" ? g.Count : 0;
            totals.AddHands(g.Trump, g.Count, g.HakemWon ? g.Count : 0, kot, g.Kot == "hakem_kot" ? g.Count : 0);
        }

        // One row per game: its times and its hand count (an index-only probe of hands' primary key).
        var perGame = await games
            .Select(g => new { g.StartedAt, g.EndedAt, Hands = db.Hands.Count(h => h.GameId == g.Id) })
            .ToListAsync(cancellationToken);
        foreach (var g in perGame)
        {
            if (g.EndedAt is { } ended)
            {
                var length = ended - g.StartedAt;
                totals.AddFinishedGames(g.Hands, PatternRollup.Bucket(length), 1, length.Ticks);
            }
            else
            {
                totals.AddGames(g.Hands, 1);
            }
        }
    }

    private static IQueryable<GameRow> Select(HokmDbContext db, GamePatternFilters filters)
    {
        IQueryable<GameRow> games = db.Games.AsNoTracking();
        if (filters.CompletedOnly)
        {
            games = games.Where(static g => g.Status == GameStatuses.Finished);
        }

        if (filters.From is { } from)
        {
            games = games.Where(g => g.StartedAt >= from);
        }

        if (filters.To is { } to)
        {
            games = games.Where(g => g.StartedAt < to);
        }

        if (!filters.IncludeBots)
        {
            games = games.Where(g => !db.GamePlayers.Any(p => p.GameId == g.Id && p.IsBot));
        }

        if (filters.MinRating is { } min)
        {
            games = games.Where(g =>
                db.GamePlayers.Any(p => p.GameId == g.Id && p.PlayerId != null)
                && !db.GamePlayers.Any(p => p.GameId == g.Id && p.PlayerId != null && db.Players.Any(a => a.Id == p.PlayerId && a.Rating < min)));
        }

        return games;
    }
}
