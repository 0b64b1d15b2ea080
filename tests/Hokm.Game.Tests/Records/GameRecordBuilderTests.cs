using System.Text.Json;
using Hokm.Game.Bots;
using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Moves;
using Hokm.Game.Records;
using Hokm.Game.Rules;

namespace Hokm.Game.Tests.Records;

public sealed class GameRecordBuilderTests
{
    private static readonly RecordPlayer[] Players =
    [
        new(0, "p0", "Ali", false),
        new(1, "bot-1", "Bot 1", true),
        new(2, "p2", "Sara", false),
        new(3, "bot-3", "Bot 3", true),
    ];

    private static (GameRecord Record, List<GameEvent> Events) PlayRecorded(string seed, GameOptions? options = null)
    {
        var events = new List<GameEvent>();
        BotMatch.Play(seed, options, BotMatch.CreateBots(BotLineup.Mixed, seed), events.Add);
        var builder = new GameRecordBuilder("game-" + seed, seed, (options ?? GameOptions.Default).TargetScore, Players);
        builder.AddRange(events);
        Assert.True(builder.IsComplete);
        return (builder.Build(), events);
    }

    [Fact]
    public void Record_json_has_exactly_the_documented_fields_in_order()
    {
        var (record, _) = PlayRecorded("rec-1");
        using var doc = JsonDocument.Parse(record.ToJson());
        var root = doc.RootElement;

        Assert.Equal(["format", "gameId", "seed", "targetScore", "players", "hakemDraws", "hands", "winner", "score"], Names(root));
        Assert.Equal("hokm-record/1", root.GetProperty("format").GetString());
        Assert.Equal(["seat", "playerId", "name", "bot"], Names(root.GetProperty("players")[0]));
        Assert.Equal(["seat", "card"], Names(root.GetProperty("hakemDraws")[0]));
        var hand = root.GetProperty("hands")[0];
        Assert.Equal(
            ["number", "hakem", "firstFive", "deal", "trump", "trumpAuto", "tricks", "tricksWon", "winner", "points", "kot", "score"],
            Names(hand));
        Assert.Equal(["0", "1", "2", "3"], Names(hand.GetProperty("firstFive")));
        Assert.Equal(["0", "1", "2", "3"], Names(hand.GetProperty("deal")));
        Assert.Equal(["leader", "plays", "winner"], Names(hand.GetProperty("tricks")[0]));
        Assert.Equal(["A", "B"], Names(hand.GetProperty("tricksWon")));
        Assert.Equal(["A", "B"], Names(root.GetProperty("score")));
        Assert.Matches("^[AB]$", root.GetProperty("winner").GetString());
        Assert.Matches("^(none|kot|hakem_kot)$", hand.GetProperty("kot").GetString());
        Assert.Matches("^[SHDC]$", hand.GetProperty("trump").GetString());
    }

    [Fact]
    public void Record_content_follows_the_game()
    {
        var (record, events) = PlayRecorded("rec-2", new GameOptions { TargetScore = 3 });

        Assert.Equal(3, record.TargetScore);
        Assert.Equal(((HakemChosen)events[0]).Draws, record.HakemDraws);
        Assert.Equal(events.OfType<HandOver>().Count(), record.Hands.Count);
        var previous = TeamScore.Zero;
        foreach (var hand in record.Hands)
        {
            for (var seat = 0; seat < 4; seat++)
            {
                var key = seat.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(5, hand.FirstFive[key].Count);
                Assert.Equal(13, hand.Deal[key].Count);
                Assert.Equal(hand.FirstFive[key], hand.Deal[key].Take(5));
            }

            Assert.Equal(52, CardSet.Of(hand.Deal.Values.SelectMany(c => c)).Count);
            Assert.Equal(hand.TricksWon.A + hand.TricksWon.B, hand.Tricks.Count);
            Assert.Equal(7, hand.TricksWon[hand.Winner]);
            Assert.All(hand.Tricks, t => Assert.Equal(t.Leader, t.Plays[0].Seat));
            Assert.Equal(hand.Hakem, hand.Tricks[0].Leader);
            Assert.Equal(previous.Add(hand.Winner, hand.Points), hand.Score);
            previous = hand.Score;
        }

        Assert.Equal(previous, record.Score);
        Assert.Equal(record.Hands[^1].Winner, record.Winner);
    }

    [Fact]
    public void A_record_read_back_writes_the_same_json()
    {
        var (record, _) = PlayRecorded("rec-3");
        var json = record.ToJson();
        Assert.Equal(json, GameRecord.FromJson(json).ToJson());
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public void A_record_rebuilt_from_the_move_log_matches_the_live_one()
    {
        var (record, events) = PlayRecorded("rec-4");
        var replay = HokmGame.Replay("rec-4", null, GameMove.FromEvents(events));
        var builder = new GameRecordBuilder("game-rec-4", "rec-4", 7, Players);
        builder.AddRange(replay.Events);
        Assert.Equal(record.ToJson(), builder.Build().ToJson());
    }

    [Fact]
    public void An_unfinished_game_has_no_record_yet()
    {
        var builder = new GameRecordBuilder("g", "42", 7, Players);
        builder.AddRange(HokmGame.Create("42").Events);
        Assert.False(builder.IsComplete);
        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void Events_out_of_order_are_refused()
    {
        var builder = new GameRecordBuilder("g", "42", 7, Players);
        Assert.Throws<InvalidOperationException>(() => builder.Add(new CardPlayed(1, 0, Card.Parse("AS"), 1)));
    }

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
