using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Stats;

namespace Hokm.Data.Tests.Stats;

public sealed class ReportTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Player_report_matches_counts_from_the_records(bool postgres)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        await history.LoadAsync();
        var from = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        foreach (var player in new[] { StatsHistory.Player(3), StatsHistory.Player(7) })
        {
            var report = await history.Stats.GeneratePlayerPerformanceReportAsync(player, from, to);
            var seats = history.Completions.Where(c => c.EndedAt >= from && c.EndedAt < to)
                .SelectMany(c => c.Game.Players.Where(p => p.PlayerId == player).Select(p => (Game: c, Seat: p.Seat, Team: p.Seat % 2 == 0 ? TeamSide.A : TeamSide.B)))
                .ToList();
            var hands = seats.SelectMany(s => s.Game.Hands.Select(h => (s.Seat, s.Team, Hand: h))).ToList();
            Assert.NotEmpty(seats);
            Assert.Equal(seats.Count, report.Games);
            Assert.Equal(seats.Count(s => s.Game.Winner == s.Team), report.Wins);
            Assert.Equal(hands.Count, report.Hands);
            var tricks = hands.Sum(h => h.Team == TeamSide.A ? h.Hand.TricksA : h.Hand.TricksB);
            Assert.Equal(tricks, report.Tricks);
            Assert.Equal((double)tricks / hands.Count, report.TricksPerHand, 9);
            Assert.Equal(hands.Count(h => h.Hand.Hakem == h.Seat), report.HakemHands);
            Assert.Equal(hands.Count(h => h.Hand.Hakem == h.Seat && h.Hand.Winner == h.Team), report.HakemWins);
            Assert.Equal(hands.Count(h => h.Hand.Kot != KotKind.None && h.Hand.Winner == h.Team), report.Kots);
            Assert.Equal(hands.Count(h => h.Hand.Kot != KotKind.None && h.Hand.Winner != h.Team), report.KotsSuffered);
            Assert.Equal(seats.Average(s => (s.Game.EndedAt - s.Game.Game.StartedAt).TotalMinutes), report.AverageGameLength.TotalMinutes, 6);
            Assert.Equal(
                hands.Where(h => h.Hand.Hakem == h.Seat).GroupBy(h => h.Hand.Trump).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count())),
                report.TrumpChoices.OrderBy(p => p.Key, StringComparer.Ordinal));
            var weeks = seats.GroupBy(s => Expected.WeekStart(s.Game.EndedAt)).OrderBy(g => g.Key).ToList();
            Assert.Equal(weeks.Select(g => g.Key), report.WeeklyTrend.Select(w => w.WeekStart));
            Assert.Equal(weeks.Select(g => g.Count()), report.WeeklyTrend.Select(w => w.Games));
            Assert.Equal(weeks.Select(g => g.Count(s => s.Game.Winner == s.Team)), report.WeeklyTrend.Select(w => w.Wins));
        }

        var empty = await history.Stats.GeneratePlayerPerformanceReportAsync("nobody", from, to);
        Assert.Equal(0, empty.Games);
        await Assert.ThrowsAsync<ArgumentException>(() => history.Stats.GeneratePlayerPerformanceReportAsync("p01", to, from));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Game_patterns_match_counts_from_the_records(bool postgres)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        await history.LoadAsync();
        var ratings = Expected.Ratings(history.Completions);
        var from = new DateTimeOffset(2026, 11, 5, 0, 0, 0, TimeSpan.Zero);

        AssertPatterns(history.Completions, await history.Stats.AnalyzeGamePatternsAsync(new GamePatternFilters()));
        AssertPatterns(
            history.Completions.Where(c => c.Game.StartedAt >= from && c.Game.Players.All(p => !p.Bot)),
            await history.Stats.AnalyzeGamePatternsAsync(new GamePatternFilters(From: from, IncludeBots: false)));
        AssertPatterns(
            history.Completions.Where(c => Expected.Humans(c).Any() && Expected.Humans(c).All(h => ratings[h.PlayerId!] >= 1500)),
            await history.Stats.AnalyzeGamePatternsAsync(new GamePatternFilters(MinRating: 1500)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reports_take_bounds_in_any_offset(bool postgres)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        await history.LoadAsync(count: 24);
        var from = new DateTimeOffset(2026, 11, 1, 5, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 8, 17, 0, 0, TimeSpan.Zero);
        var tehran = TimeSpan.FromHours(3.5);

        var utc = await history.Stats.GeneratePlayerPerformanceReportAsync(StatsHistory.Player(3), from, to);
        var local = await history.Stats.GeneratePlayerPerformanceReportAsync(StatsHistory.Player(3), from.ToOffset(tehran), to.ToOffset(tehran));
        Assert.Equal((utc.Games, utc.Hands, utc.Wins, utc.Tricks), (local.Games, local.Hands, local.Wins, local.Tricks));
        Assert.Equal(tehran, local.From.Offset);

        var patterns = await history.Stats.AnalyzeGamePatternsAsync(new GamePatternFilters(from.ToOffset(tehran), to.ToOffset(tehran)));
        AssertPatterns(history.Completions.Where(c => c.Game.StartedAt >= from && c.Game.StartedAt < to), patterns);
    }

    internal static void AssertPatterns(IEnumerable<GameCompletion> selected, GamePatterns patterns)
    {
        var games = selected.ToList();
        var hands = games.SelectMany(static g => g.Hands).ToList();
        static bool HakemWon(HandCompleted h) => (h.Hakem % 2 == 0 ? TeamSide.A : TeamSide.B) == h.Winner;
        Assert.NotEmpty(games);
        Assert.Equal(games.Count, patterns.Games);
        Assert.Equal(hands.Count, patterns.Hands);
        Assert.Equal((double)hands.Count(HakemWon) / hands.Count, patterns.HakemTeamWinRate, 9);
        Assert.Equal(hands.Count(static h => h.Kot != KotKind.None), patterns.Kots);
        Assert.Equal(hands.Count(static h => h.Kot == KotKind.HakemKot), patterns.HakemKots);
        Assert.Equal(
            hands.GroupBy(static h => h.Trump).OrderBy(static g => g.Key, StringComparer.Ordinal).Select(static g => (g.Key, g.Count(), g.Count(HakemWon))),
            patterns.TrumpSuits.Select(static s => (s.Suit, s.Hands, s.HakemTeamWins)));
        Assert.Equal(
            games.GroupBy(static g => g.Hands.Count).OrderBy(static g => g.Key).Select(static g => (g.Key, g.Count())),
            patterns.HandsPerGame.Select(static h => (h.Hands, h.Games)));
        Assert.Equal(games.Average(static g => (g.EndedAt - g.Game.StartedAt).TotalMinutes), patterns.AverageDuration.TotalMinutes, 6);
        Assert.Equal(games.Count, patterns.Durations.Sum(static d => d.Games));
        foreach (var bucket in patterns.Durations)
        {
            Assert.Equal(games.Count(g => g.EndedAt - g.Game.StartedAt >= bucket.From && (bucket.To is null || g.EndedAt - g.Game.StartedAt < bucket.To)), bucket.Games);
        }
    }
}
