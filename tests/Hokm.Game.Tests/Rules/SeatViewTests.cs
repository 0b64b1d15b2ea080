using Hokm.Game.Cards;
using Hokm.Game.Rules;
using Hokm.Game.Serialization;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Rules;

public sealed class SeatViewTests
{
    [Fact]
    public void A_view_shows_the_seat_its_own_cards_and_the_public_table_only()
    {
        var (game, _) = HokmGame.Create("42");
        game.ChooseTrump(0, Suit.Hearts);
        game.PlayCard(0, C("4D"));

        var view = game.GetView(1);

        Assert.Equal(game.HandOf(1).ToArray(), view.Hand);
        Assert.Equal([12, 13, 13, 13], view.HandCounts);
        Assert.Equal([new SeatCard(0, C("4D"))], view.Trick);
        Assert.Equal(1, view.Turn);
        Assert.Equal(CardSet.Parse("QD 3D 2D 5D").ToArray(), view.Legal);
        Assert.Equal((GamePhase.Playing, 0, Suit.Hearts, 1, 1), (view.Phase, view.Hakem, view.Trump, view.HandNumber, view.TrickNumber));

        var json = System.Text.Json.JsonSerializer.Serialize(view, HokmJsonContext.Default.SeatView);
        foreach (var seat in new[] { 0, 2, 3 })
        {
            Assert.All(game.HandOf(seat), card => Assert.DoesNotContain($"\"{card}\"", json, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Legal_cards_appear_only_for_the_seat_to_play()
    {
        var (game, _) = HokmGame.Create("42");
        Assert.Null(game.GetView(0).Legal); // choosing trump: no card is playable yet
        game.ChooseTrump(0, Suit.Hearts);
        Assert.Equal(13, game.GetView(0).Legal!.Count);
        Assert.Null(game.GetView(1).Legal);
    }

    [Fact]
    public void While_trump_is_chosen_the_Hakem_is_to_act_and_everyone_sees_five_cards()
    {
        var (game, _) = HokmGame.Create("seed-7");
        var view = game.GetView(3);
        Assert.Equal((GamePhase.ChoosingTrump, 1, (int?)1, (Suit?)null), (view.Phase, view.Hakem, view.Turn, view.Trump));
        Assert.Equal(5, view.Hand.Count);
        Assert.Equal([5, 5, 5, 5], view.HandCounts);
    }

    [Fact]
    public void A_seat_outside_the_table_has_no_view() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HokmGame.Create("42").Game.GetView(4));
}
