using Hokm.Data.Persistence.Model;
using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Stats;

internal sealed partial class HokmStats
{
    private static readonly TimeSpan[] DurationBounds =
        [TimeSpan.Zero, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(60)];

    public async Task<PlayerPerformanceReport> GeneratePlayerPerformanceReportAsync(string playerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(playerId);
        if (to <= from)
        {
            throw new ArgumentException("'to' must be after 'from'.", nameof(to));
        }

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
            playerId, from, to, games.Count, wins, Rate(wins, games.Count), hands.Count, tricks,
            hands.Count == 0 ? 0 : (double)tricks / hands.Count, hakem.Count, hakemWins, Rate(hakemWins, hakem.Count),
            kots, kotsSuffered, length, trumps, trend);
    }

    public async Task<GamePatterns> AnalyzeGamePatternsAsync(GamePatternFilters filters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.From is { } f && filters.To is { } t && t <= f)
        {
            throw new ArgumentException("'to' must be after 'from'.", nameof(filters));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var games = Select(db, filters);

        // One grouped scan of the selected games' hands: a handful of rows come back.
        var groups = await (
            from h in db.Hands
            join g in games on h.GameId equals g.Id
            group h by new { h.Trump, HakemWon = (h.Hakem % 2 == 0 ? "A" : "B") == h.Winner, h.Kot } into k
            select new { k.Key.Trump, k.Key.HakemWon, k.Key.Kot, Count = k.Count() }).ToListAsync(cancellationToken);
        // One row per game: its times and its hand count (an index-only probe of hands' primary key).
        var perGame = await games
            .Select(g => new { g.StartedAt, g.EndedAt, Hands = db.Hands.Count(h => h.GameId == g.Id) })
            .ToListAsync(cancellationToken);
        var gameCount = perGame.Count;
        var finished = perGame.Where(static g => g.EndedAt is not null).Select(static g => new { g.StartedAt, EndedAt = g.EndedAt!.Value }).ToList();

        var hands = groups.Sum(static g => g.Count);
        var hakemWon = groups.Where(static g => g.HakemWon).Sum(static g => g.Count);
        var kots = groups.Where(static g => g.Kot != "none").Sum(static g => g.Count);
        var hakemKots = groups.Where(static g => g.Kot == "hakem_kot").Sum(static g => g.Count);
        var suits = groups.GroupBy(static g => g.Trump).OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(s =>
            {
                var n = s.Sum(static x => x.Count);
                var w = s.Where(static x => x.HakemWon).Sum(static x => x.Count);
                return new TrumpSuitPattern(s.Key, n, Rate(n, hands), w, Rate(w, n));
            }).ToList();
        var handsPerGame = perGame.GroupBy(static g => g.Hands).OrderBy(static g => g.Key)
            .Select(static g => new HandsPerGameCount(g.Key, g.Count())).ToList();
        var lengths = finished.Select(static g => g.EndedAt - g.StartedAt).ToList();
        var buckets = DurationBounds.Select((lower, i) =>
        {
            TimeSpan? upper = i + 1 < DurationBounds.Length ? DurationBounds[i + 1] : null;
            return new DurationBucket(lower, upper, lengths.Count(l => (l >= lower || i == 0) && (upper is null || l < upper)));
        }).ToList();

        return new GamePatterns(
            gameCount, hands, Rate(hakemWon, hands), kots, hakemKots, Rate(kots, hands), suits,
            gameCount == 0 ? 0 : (double)hands / gameCount, handsPerGame,
            lengths.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)lengths.Average(static l => l.Ticks)), buckets);
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
