using System.Text.Json;
using Hokm.Game.Cards;
using Hokm.Game.Rules;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Rules;

public sealed class SnapshotTests
{
    [Fact]
    public void Snapshot_json_is_camel_case_and_compact()
    {
        var (game, _) = HokmGame.Create("42");
        game.ChooseTrump(0, Suit.Hearts);
        game.PlayCard(0, C("4D"));

        var json = game.ToSnapshot().ToJson();

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("playing", root.GetProperty("phase").GetString());
        Assert.Equal("H", root.GetProperty("trump").GetString());
        Assert.Equal("4D", root.GetProperty("trick")[0].GetString());
        Assert.Equal(0, root.GetProperty("tricks").GetProperty("A").GetInt32());
        Assert.Equal(7, root.GetProperty("options").GetProperty("targetScore").GetInt32());
        Assert.Equal("face_up_deal", root.GetProperty("options").GetProperty("firstHakem").GetString());
        Assert.Equal(4, root.GetProperty("hands").GetArrayLength());
        Assert.True(json.Length < 700, $"snapshot is {json.Length} chars");
    }

    [Fact]
    public void A_restored_game_continues_exactly_like_the_original()
    {
        var (game, _) = HokmGame.Create("42");
        game.ChooseTrump(0, Suit.Hearts);
        game.PlayCard(0, C("4D"));

        var copy = HokmGame.Restore(GameSnapshot.FromJson(game.ToSnapshot().ToJson()));

        Assert.Equal(State(game), State(copy));
        var a = game.PlayCard(1, C("QD"));
        var b = copy.PlayCard(1, C("QD"));
        Assert.Equal(a.Events, b.Events);
        Assert.Equal(View(game, 2), View(copy, 2));
    }

    [Fact]
    public void A_snapshot_taken_while_trump_is_chosen_deals_the_rest_after_restore()
    {
        var (game, _) = HokmGame.Create("hokm");
        var copy = HokmGame.Restore(GameSnapshot.FromJson(game.ToSnapshot().ToJson()));
        var a = game.ChooseTrump(game.Hakem, Suit.Clubs).Events;
        var b = copy.ChooseTrump(copy.Hakem, Suit.Clubs).Events;
        Assert.Equal(Json(a), Json(b));
    }

    [Fact]
    public void A_snapshot_with_a_duplicated_card_is_refused()
    {
        var snapshot = HokmGame.Create("42").Game.ToSnapshot();
        var hands = snapshot.Hands.ToArray();
        hands[1] = [.. hands[1].Take(4), hands[0][0]];
        Assert.Throws<ArgumentException>(() => HokmGame.Restore(snapshot with { Hands = hands }));
    }

    [Fact]
    public void A_snapshot_whose_first_five_do_not_come_from_the_seed_is_refused()
    {
        var snapshot = HokmGame.Create("42").Game.ToSnapshot();
        Assert.Throws<ArgumentException>(() => HokmGame.Restore(snapshot with { Seed = "other" }));
    }

    [Fact]
    public void A_snapshot_whose_hand_sizes_do_not_fit_the_tricks_is_refused()
    {
        var (game, _) = HokmGame.Create("42");
        game.ChooseTrump(0, Suit.Hearts);
        var snapshot = game.ToSnapshot();
        Assert.Throws<ArgumentException>(() => HokmGame.Restore(snapshot with { Tricks = new TeamScore(1, 0) }));
        Assert.Throws<ArgumentException>(() => HokmGame.Restore(snapshot with { Format = 2 }));
    }

    private static string View(HokmGame game, int seat) =>
        JsonSerializer.Serialize(game.GetView(seat), Hokm.Game.Serialization.HokmJsonContext.Default.SeatView);

    private static string Json(IReadOnlyList<Hokm.Game.Events.GameEvent> events) =>
        JsonSerializer.Serialize(events, Hokm.Game.Serialization.HokmJsonContext.Default.IReadOnlyListGameEvent);
}
