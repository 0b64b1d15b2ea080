using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Rules;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Rules;

public sealed class GameEndTests
{
    private static readonly string[] Hands = ["AH 2D", "3H 4D", "5H 6D", "7H 8D"];

    private static List<GameEvent> WinLastTrickForTeamA(HokmGame game)
    {
        var events = new List<GameEvent>();
        foreach (var card in new[] { "AH", "3H", "5H", "7H" })
        {
            events.AddRange(game.PlayCard(game.Turn!.Value, C(card)).Events);
        }

        return events;
    }

    [Fact]
    public void Game_ends_when_a_team_reaches_the_target_score()
    {
        var game = Playing(Suit.Clubs, hakem: 0, leader: 0, Hands, new TeamScore(6, 5), score: new TeamScore(6, 4));

        var events = WinLastTrickForTeamA(game);

        var over = Assert.IsType<GameOver>(events[^1]);
        Assert.Equal((Team.A, new TeamScore(7, 4)), (over.Team, over.Score));
        Assert.Equal(GamePhase.GameOver, game.Phase);
        Assert.Equal(Team.A, game.Winner);
        Assert.Null(game.Turn);
        Assert.Equal(RejectionCode.WrongPhase, game.StartNextHand().Rejection?.Code);
    }

    [Fact]
    public void Game_goes_on_below_the_target_score()
    {
        var game = Playing(Suit.Clubs, hakem: 0, leader: 0, Hands, new TeamScore(6, 5), score: new TeamScore(5, 6));
        Assert.DoesNotContain(WinLastTrickForTeamA(game), e => e is GameOver);
        Assert.Equal(GamePhase.HandOver, game.Phase);
        Assert.Null(game.Winner);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 2)]
    public void A_lower_target_score_ends_the_game_sooner(int target, int scoreBefore)
    {
        var game = Playing(Suit.Clubs, hakem: 0, leader: 0, Hands, new TeamScore(6, 5), score: new TeamScore(scoreBefore, 0), targetScore: target);
        Assert.IsType<GameOver>(WinLastTrickForTeamA(game)[^1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(-1)]
    public void Target_score_outside_one_to_seven_is_refused(int target)
    {
        Assert.False(GameOptions.IsValidTargetScore(target));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GameOptions { TargetScore = target });
    }

    [Fact]
    public void Target_score_defaults_to_seven_and_accepts_one_to_seven()
    {
        Assert.Equal(7, GameOptions.Default.TargetScore);
        Assert.Equal(FirstHakemSelection.FaceUpDeal, GameOptions.Default.FirstHakem);
        for (var target = 1; target <= 7; target++)
        {
            Assert.Equal(target, new GameOptions { TargetScore = target }.TargetScore);
        }
    }
}
