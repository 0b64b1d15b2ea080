using Hokm.Data.Stats;

namespace Hokm.Data.Tests.Stats;

public sealed class LeaderboardTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Each_board_equals_the_ranking_computed_from_the_loaded_history(bool postgres)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        await history.LoadAsync();
        var now = StatsHistory.Now;

        AssertBoard(Expected.Rank(Expected.Ratings(history.Completions)), await history.Stats.GetLeaderboardAsync(LeaderboardType.Global, 100));
        var week = await history.Stats.GetLeaderboardAsync(LeaderboardType.Weekly, 100);
        Assert.Equal("2026-W48", week.Period);
        Assert.Equal(Expected.WeekStart(now), week.PeriodStart);
        AssertBoard(Expected.Rank(Expected.Wins(history.Completions, Expected.WeekStart(now), Expected.WeekStart(now).AddDays(7))), week);
        var month = await history.Stats.GetLeaderboardAsync(LeaderboardType.Monthly, 100);
        Assert.Equal("2026-11", month.Period);
        AssertBoard(Expected.Rank(Expected.Wins(history.Completions, Expected.MonthStart(now), Expected.MonthStart(now).AddMonths(1))), month);

        // The first reads rebuilt the boards; the next ones are served from the cache, and a limit cuts the same order.
        var top = await history.Stats.GetLeaderboardAsync(LeaderboardType.Global, 3);
        Assert.False(top.Rebuilt);
        AssertBoard(Expected.Rank(Expected.Ratings(history.Completions)).Take(3).ToList(), top);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_finished_game_updates_the_cached_boards_without_a_rebuild(bool postgres)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        // 44 games: the last two are in week 48, so every board is cached (an empty board is not).
        await history.LoadAsync(44);
        foreach (var type in Enum.GetValues<LeaderboardType>())
        {
            Assert.True((await history.Stats.GetLeaderboardAsync(type, 100)).Rebuilt);
        }

        for (var n = 44; n < 48; n++)
        {
            Assert.True(await history.CompleteAsync(StatsHistory.Simulate($"g{n:000}", new DateTimeOffset(2026, 11, 26, 9, n - 44, 0, TimeSpan.Zero), n)));
        }

        var now = history.Time.GetUtcNow();
        var global = await history.Stats.GetLeaderboardAsync(LeaderboardType.Global, 100);
        var weekly = await history.Stats.GetLeaderboardAsync(LeaderboardType.Weekly, 100);
        var monthly = await history.Stats.GetLeaderboardAsync(LeaderboardType.Monthly, 100);
        Assert.False(global.Rebuilt || weekly.Rebuilt || monthly.Rebuilt);
        AssertBoard(Expected.Rank(Expected.Ratings(history.Completions)), global);
        AssertBoard(Expected.Rank(Expected.Wins(history.Completions, Expected.WeekStart(now), Expected.WeekStart(now).AddDays(7))), weekly);
        AssertBoard(Expected.Rank(Expected.Wins(history.Completions, Expected.MonthStart(now), Expected.MonthStart(now).AddMonths(1))), monthly);
    }

    [Fact]
    public async Task Weekly_and_monthly_boards_reset_at_their_boundaries()
    {
        await using var history = await StatsHistory.CreateAsync(postgres: true);
        await history.LoadAsync();
        Assert.NotEmpty((await history.Stats.GetLeaderboardAsync(LeaderboardType.Weekly, 100)).Entries);

        // Sunday 23:59:59 is still week 48; one second later week 49 starts with nobody on the board.
        history.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 59, 59, TimeSpan.Zero));
        Assert.Equal("2026-W48", (await history.Stats.GetLeaderboardAsync(LeaderboardType.Weekly, 100)).Period);
        history.Time.Advance(TimeSpan.FromSeconds(1));
        var reset = await history.Stats.GetLeaderboardAsync(LeaderboardType.Weekly, 100);
        Assert.Equal("2026-W49", reset.Period);
        Assert.Empty(reset.Entries);
        var november = await history.Stats.GetLeaderboardAsync(LeaderboardType.Monthly, 100);
        Assert.Equal("2026-11", november.Period);
        Assert.NotEmpty(november.Entries);

        // A game of the new week: only its winners are on the weekly board.
        var game = StatsHistory.Simulate("g900", new DateTimeOffset(2026, 11, 30, 0, 0, 1, TimeSpan.Zero), 900);
        Assert.True(await history.CompleteAsync(game));
        history.Time.SetUtcNow(game.EndedAt.AddMinutes(1));
        var week = await history.Stats.GetLeaderboardAsync(LeaderboardType.Weekly, 100);
        AssertBoard(Expected.Rank(Expected.Wins([game], Expected.WeekStart(game.EndedAt), Expected.WeekStart(game.EndedAt).AddDays(7))), week);

        // 1 December: the monthly board starts again.
        history.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var december = await history.Stats.GetLeaderboardAsync(LeaderboardType.Monthly, 100);
        Assert.Equal("2026-12", december.Period);
        Assert.Empty(december.Entries);
    }

    [Fact]
    public async Task Around_gives_a_players_rank_and_neighbours()
    {
        await using var history = await StatsHistory.CreateAsync(postgres: true);
        await history.LoadAsync(30);
        var ranking = Expected.Rank(Expected.Ratings(history.Completions));
        var index = ranking.Count / 2;
        var around = await history.Stats.GetPlayerRankAsync(LeaderboardType.Global, ranking[index].PlayerId, radius: 2);
        Assert.Equal(index + 1, around.Player!.Rank);
        Assert.Equal(ranking.Skip(index - 2).Take(5).Select(static r => r.PlayerId), around.Neighbours.Select(static e => e.PlayerId));
        Assert.Equal(Enumerable.Range(index - 1, 5).Select(static r => (long)r), around.Neighbours.Select(static e => e.Rank));

        var nobody = await history.Stats.GetPlayerRankAsync(LeaderboardType.Global, "no-such-player");
        Assert.Null(nobody.Player);
        Assert.Empty(nobody.Neighbours);
    }

    [Fact]
    public async Task Invalid_arguments_are_refused()
    {
        await using var history = await StatsHistory.CreateAsync(postgres: true, players: 0);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => history.Stats.GetLeaderboardAsync(LeaderboardType.Global, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => history.Stats.GetLeaderboardAsync(LeaderboardType.Global, 1_000_000));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => history.Stats.GetLeaderboardAsync((LeaderboardType)9, 10));
        Assert.Empty((await history.Stats.GetLeaderboardAsync(LeaderboardType.Global, 10)).Entries);
    }

    private static void AssertBoard(List<(string PlayerId, double Score)> expected, Leaderboard board)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(static e => e.PlayerId), board.Entries.Select(static e => e.PlayerId));
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(static r => (long)r), board.Entries.Select(static e => e.Rank));
        foreach (var (e, actual) in expected.Zip(board.Entries))
        {
            Assert.Equal(e.Score, actual.Score, 6);
        }
    }
}
