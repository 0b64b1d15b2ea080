using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Stats;

namespace Hokm.Data.Tests.Stats;

public sealed class RatingTests
{
    [Fact]
    public void Team_elo_moves_equal_teams_by_half_the_k_factor()
    {
        Assert.Equal(0.5, TeamElo.Expected(1500, 1500), 12);
        Assert.Equal(16, TeamElo.Delta(1500, 1500, won: true, kFactor: 32), 12);
        Assert.Equal(-16, TeamElo.Delta(1500, 1500, won: false, kFactor: 32), 12);
        Assert.Equal(1500, TeamElo.TeamRating([]));
        Assert.Equal(1550, TeamElo.TeamRating([1500, 1600]));
        // 400 points apart: the favourite is expected to score 10/11.
        Assert.Equal(10.0 / 11, TeamElo.Expected(1900, 1500), 12);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ratings_follow_the_team_rule_and_a_recompletion_changes_nothing(bool postgres)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        await history.LoadAsync(25);
        var expected = Expected.Ratings(history.Completions);
        foreach (var (player, rating) in expected)
        {
            var stats = await history.Games.GetPlayerStatisticsAsync(player);
            Assert.Equal(rating, stats!.Rating, 6);
        }

        // The same completion again (a retry, another node): false, and no statistic or rating moves.
        var before = await SnapshotAsync(history.Games, expected.Keys);
        foreach (var completion in history.Completions.Take(5))
        {
            Assert.False(await history.Games.CompleteGameAsync(completion));
        }

        Assert.Equal(before, await SnapshotAsync(history.Games, expected.Keys));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bots_are_not_rated_and_a_team_of_bots_counts_as_1500(bool postgres)
    {
        await using var history = await StatsHistory.CreateAsync(postgres);
        // Game 0 has bots for all of team B; the two humans of team A are rated against 1500.
        var game = StatsHistory.Simulate("solo", StatsHistory.Now.AddHours(-1), 0);
        Assert.Equal(2, Expected.Humans(game).Count());
        Assert.True(await history.CompleteAsync(game));
        var delta = game.Winner == TeamSide.A ? 16 : -16;
        foreach (var human in Expected.Humans(game))
        {
            Assert.Equal(1500 + delta, (await history.Games.GetPlayerStatisticsAsync(human.PlayerId!))!.Rating, 9);
        }
    }

    private static async Task<List<PlayerStatistics>> SnapshotAsync(IGameStore games, IEnumerable<string> players)
    {
        var list = new List<PlayerStatistics>();
        foreach (var p in players.Order(StringComparer.Ordinal))
        {
            list.Add((await games.GetPlayerStatisticsAsync(p))!);
        }

        return list;
    }
}
