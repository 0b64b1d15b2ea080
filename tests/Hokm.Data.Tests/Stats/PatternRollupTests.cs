using System.Text.Json;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Stats;
using Hokm.Data.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Data.Tests.Stats;

/// <summary>
/// The game-pattern rollup (docs/data-layer.md, "Statistics"): reports read from it equal the scan of
/// <c>games</c>/<c>hands</c> and the counts computed here from the records, over whole and partial days;
/// redelivered completions and outbox entries never count a game twice; the migration's backfill
/// builds the same rollup from existing rows.
/// </summary>
public sealed class PatternRollupTests
{
    private static readonly TimeSpan Tehran = TimeSpan.FromHours(3.5);

    /// <summary>Date ranges over the history of <see cref="StatsHistory.LoadAsync"/> (games 14 h apart from 30 October 00:00).</summary>
    public static TheoryData<bool, int> Cases()
    {
        var data = new TheoryData<bool, int>();
        foreach (var postgres in new[] { true, false })
        {
            for (var i = 0; i < Ranges.Length; i++)
            {
                data.Add(postgres, i);
            }
        }

        return data;
    }

    private static readonly (DateTimeOffset? From, DateTimeOffset? To)[] Ranges =
    [
        (null, null),
        // Aligned on UTC midnight, each bound exactly at a game's start (games 12 and 24): whole days only.
        (Utc(2026, 11, 6), Utc(2026, 11, 13)),
        // Partial days at both edges.
        (Utc(2026, 11, 5, 7), Utc(2026, 11, 20, 13, 30)),
        (Utc(2026, 11, 10, 4), null),
        (null, Utc(2026, 11, 3, 19)),
        // A local (UTC+03:30) midnight is 20:30 UTC the day before.
        (new DateTimeOffset(2026, 11, 8, 0, 0, 0, Tehran), new DateTimeOffset(2026, 11, 16, 0, 0, 0, Tehran)),
        // No whole day: within one day, and across one midnight.
        (Utc(2026, 11, 12, 1), Utc(2026, 11, 12, 23)),
        (Utc(2026, 11, 12, 15), Utc(2026, 11, 13, 9)),
        // One microsecond (PostgreSQL's resolution) either side of a game's start (game 13, 6 November 14:00).
        (Utc(2026, 11, 6, 14).AddTicks(10), Utc(2026, 11, 9)),
        (Utc(2026, 11, 1), Utc(2026, 11, 6, 14).AddTicks(10)),
        // Nothing in range.
        (Utc(2027, 1, 1), Utc(2027, 2, 1)),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rollup_report_equals_the_scan_and_the_records(bool postgres, int range)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        await history.LoadAsync();
        var (from, to) = Ranges[range];
        foreach (var bots in new[] { true, false })
        {
            var filters = new GamePatternFilters(from, to, IncludeBots: bots);
            var fromRollup = await history.Stats.AnalyzeGamePatternsAsync(filters);
            var fromScan = await Scan(history).ScanGamePatternsAsync(filters);
            Assert.Equal(Json(fromScan), Json(fromRollup));

            var selected = history.Completions
                .Where(c => (from is null || c.Game.StartedAt >= from) && (to is null || c.Game.StartedAt < to) && (bots || c.Game.Players.All(p => !p.Bot)))
                .ToList();
            Assert.Equal(selected.Count, fromRollup.Games);
            if (selected.Count > 0)
            {
                ReportTests.AssertPatterns(selected, fromRollup);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_game_is_counted_once_however_often_it_is_delivered(bool postgres)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        await history.LoadAsync(count: 20);
        var sink = history.Harness.Sink;

        // The outbox delivered the start and some hands before the completion; the completion itself
        // is then delivered twice, and the outbox redelivers everything afterwards.
        var early = StatsHistory.Simulate("g900", Utc(2026, 11, 7, 23, 59), 900);
        Assert.True((await sink.WriteAsync([Events.Entry(OutboxEvents.GameStarted(early.Game)), .. early.Hands.Take(3).Select(h => Events.Entry(OutboxEvents.HandCompleted(h)))])).Succeeded);
        Assert.True(await history.CompleteAsync(early));
        Assert.False(await history.CompleteAsync(early));
        Assert.False(await history.CompleteAsync(early with { ScoreA = 99 }));
        var late = await sink.WriteAsync([Events.Entry(OutboxEvents.GameStarted(early.Game)), .. early.Hands.Select(h => Events.Entry(OutboxEvents.HandCompleted(h)))]);
        Assert.Equal(0, late.Inserted);

        // Concurrent deliveries of one completion: one of them finishes the game.
        var raced = StatsHistory.Simulate("g901", Utc(2026, 11, 8), 901);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => history.Games.CompleteGameAsync(raced))));
        Assert.Equal(1, results.Count(r => r));
        history.Completions.Add(raced);

        // A game still being played (outbox only) is not in the rollup, nor in completed-only reports.
        var playing = StatsHistory.Simulate("g902", Utc(2026, 11, 7, 12), 902);
        Assert.True((await sink.WriteAsync([Events.Entry(OutboxEvents.GameStarted(playing.Game)), .. playing.Hands.Take(2).Select(h => Events.Entry(OutboxEvents.HandCompleted(h)))])).Succeeded);

        await using var db = await history.Harness.Services.GetRequiredService<IDbContextFactory<HokmDbContext>>().CreateDbContextAsync();
        Assert.Equal(history.Completions.Count, await db.PatternDailyGames.SumAsync(r => r.Games));
        Assert.Equal(history.Completions.Sum(c => c.Hands.Count), await db.PatternDailyHands.SumAsync(r => r.Hands));
        foreach (var filters in new[] { new GamePatternFilters(), new GamePatternFilters(Utc(2026, 11, 7, 6), Utc(2026, 11, 9)), new GamePatternFilters(Utc(2026, 11, 7), Utc(2026, 11, 9), IncludeBots: false) })
        {
            var fromRollup = await history.Stats.AnalyzeGamePatternsAsync(filters);
            Assert.Equal(Json(await Scan(history).ScanGamePatternsAsync(filters)), Json(fromRollup));
            ReportTests.AssertPatterns(
                history.Completions.Where(c => filters.From is null || c.Game.StartedAt >= filters.From)
                    .Where(c => filters.To is null || c.Game.StartedAt < filters.To)
                    .Where(c => filters.IncludeBots || c.Game.Players.All(p => !p.Bot)),
                fromRollup);
        }

        // Not completed-only: the scan, which sees the game in play too.
        var all = await history.Stats.AnalyzeGamePatternsAsync(new GamePatternFilters(CompletedOnly: false));
        Assert.Equal(history.Completions.Count + 1, all.Games);
        Assert.Equal(history.Completions.Sum(c => c.Hands.Count) + 2, all.Hands);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_migration_backfills_the_rollup_of_an_existing_database(bool postgres)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        await history.LoadAsync();
        var filters = new[] { new GamePatternFilters(), new GamePatternFilters(Utc(2026, 11, 5, 7), Utc(2026, 11, 20, 13, 30), IncludeBots: false) };
        var before = new List<string>();
        foreach (var f in filters)
        {
            before.Add(Json(await history.Stats.AnalyzeGamePatternsAsync(f)));
        }

        // Back to the schema before the rollup (its tables dropped), then forward again: the
        // migration rebuilds the rollup from games, game_players and hands.
        await using (var db = await history.Harness.Services.GetRequiredService<IDbContextFactory<HokmDbContext>>().CreateDbContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var rollup = migrations.Single(static m => m.EndsWith("_PatternDaily", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[migrations.IndexOf(rollup) - 1]);
            Assert.DoesNotContain(rollup, await db.Database.GetAppliedMigrationsAsync());
            await migrator.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(history.Completions.Count, await db.PatternDailyGames.SumAsync(r => r.Games));
        }

        for (var i = 0; i < filters.Length; i++)
        {
            Assert.Equal(before[i], Json(await history.Stats.AnalyzeGamePatternsAsync(filters[i])));
            Assert.Equal(before[i], Json(await Scan(history).ScanGamePatternsAsync(filters[i])));
        }

        // And completions after the backfill add to it.
        Assert.True(await history.CompleteAsync(StatsHistory.Simulate("g950", Utc(2026, 11, 12, 10), 950)));
        Assert.Equal(Json(await Scan(history).ScanGamePatternsAsync(filters[0])), Json(await history.Stats.AnalyzeGamePatternsAsync(filters[0])));
        ReportTests.AssertPatterns(history.Completions, await history.Stats.AnalyzeGamePatternsAsync(filters[0]));
    }

    [Theory]
    [InlineData("2026-11-05T00:00:00Z", "2026-11-08T00:00:00Z", "2026-11-05", "2026-11-08", 0)]
    [InlineData("2026-11-05T07:00:00Z", "2026-11-08T13:00:00Z", "2026-11-06", "2026-11-08", 2)]
    [InlineData("2026-11-05T07:00:00+03:30", "2026-11-08T00:00:00Z", "2026-11-06", "2026-11-08", 1)]
    [InlineData("2026-11-05T07:00:00Z", "2026-11-06T13:00:00Z", null, null, -1)]
    [InlineData("2026-11-05T07:00:00Z", "2026-11-05T09:00:00Z", null, null, -1)]
    [InlineData("2026-11-05T07:00:00Z", "2026-11-07T00:00:00Z", "2026-11-06", "2026-11-07", 1)]
    public void Ranges_split_into_whole_days_and_scanned_edges(string from, string to, string? first, string? end, int edges)
    {
        var days = HokmStats.WholeDays(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        if (edges < 0)
        {
            Assert.Null(days);
            return;
        }

        Assert.NotNull(days);
        Assert.Equal(first, days.Value.First?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, days.Value.End?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(edges, days.Value.Edges.Count);
        Assert.All(days.Value.Edges, e => Assert.True(e.From < e.To));
        Assert.Null(HokmStats.WholeDays(DateTimeOffset.MaxValue.AddHours(-1), null));
        var all = HokmStats.WholeDays(null, null);
        Assert.NotNull(all);
        Assert.Equal((null, null, 0), (all.Value.First, all.Value.End, all.Value.Edges.Count));
    }

    private static HokmStats Scan(StatsHistory history) => (HokmStats)history.Stats;

    private static string Json(GamePatterns patterns) => JsonSerializer.Serialize(patterns);

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
