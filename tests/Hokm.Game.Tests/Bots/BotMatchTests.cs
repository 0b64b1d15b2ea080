using Hokm.Game.Bots;
using Hokm.Game.Rules;
using Xunit.Abstractions;

namespace Hokm.Game.Tests.Bots;

public sealed class BotMatchTests(ITestOutputHelper output)
{
    [Fact]
    public void Heuristic_pair_beats_random_pair_in_at_least_70_percent_of_2000_games()
    {
        const int Games = 2000;
        var wins = 0;
        for (var i = 0; i < Games; i++)
        {
            var seed = "strength-" + i;
            var bots = BotMatch.CreateBots(BotLineup.Mixed, seed);

            // Odd games seat the heuristic pair as team B, so no seat advantage leaks into the rate.
            var heuristicTeam = i % 2 == 0 ? Team.A : Team.B;
            if (heuristicTeam == Team.B)
            {
                bots = [bots[1], bots[0], bots[3], bots[2]];
            }

            if (BotMatch.Play(seed, null, bots).Winner == heuristicTeam)
            {
                wins++;
            }
        }

        var rate = 100.0 * wins / Games;
        output.WriteLine($"heuristic pair won {wins}/{Games} = {rate:F1}%");
        Assert.True(rate >= 70, $"heuristic pair won only {rate:F1}%");
    }

    [Fact]
    public void The_same_seed_plays_the_same_game()
    {
        var a = BotMatch.Play("same", null, BotMatch.CreateBots(BotLineup.Random, "same"));
        var b = BotMatch.Play("same", null, BotMatch.CreateBots(BotLineup.Random, "same"));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Bot_games_reach_the_target_score()
    {
        var result = BotMatch.Play("target", new GameOptions { TargetScore = 3 }, BotMatch.CreateBots(BotLineup.Heuristic, "target"));
        Assert.True(result.Score[result.Winner] >= 3);
        Assert.True(result.Score[result.Winner == Team.A ? Team.B : Team.A] < 3);
    }
}
