using System.Text.Json;
using Hokm.Game.Events;
using Hokm.Game.Rules;
using Hokm.Game.Serialization;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Rules;

public sealed class EventJsonTests
{
    [Fact]
    public void Events_are_written_with_the_protocol_message_names_and_fields()
    {
        GameEvent[] events =
        [
            new HakemChosen(1, 2, [new SeatCard(0, C("7H")), new SeatCard(1, C("AS"))]),
            new CardsDealt(1, 3, [C("10H"), C("QD")]),
            new CardPlayed(2, 1, C("AS"), 4),
            new TrickWon(2, 1, Team.B, new TeamScore(3, 4), 7),
            new HandOver(2, Team.B, 3, Kot.HakemKot, new TeamScore(1, 5), 2, new TeamScore(0, 7)),
            new GameOver(3, Team.A, new TeamScore(7, 2)),
        ];

        var json = events.Select(e => JsonSerializer.Serialize(e, HokmJsonContext.Default.GameEvent)).ToList();

        Assert.Equal("""{"type":"hakem_chosen","seat":2,"draws":[{"seat":0,"card":"7H"},{"seat":1,"card":"AS"}],"handNumber":1}""", json[0]);
        Assert.Equal("""{"type":"cards_dealt","seat":3,"cards":["10H","QD"],"handNumber":1}""", json[1]);
        Assert.Equal("""{"type":"card_played","seat":1,"card":"AS","trickNumber":4,"handNumber":2}""", json[2]);
        Assert.Equal("""{"type":"trick_won","seat":1,"team":"B","tricks":{"A":3,"B":4},"trickNumber":7,"handNumber":2}""", json[3]);
        Assert.Contains("\"kot\":\"hakem_kot\"", json[4], StringComparison.Ordinal);
        Assert.Contains("\"nextHakem\":2", json[4], StringComparison.Ordinal);
        Assert.Equal("""{"type":"game_over","team":"A","score":{"A":7,"B":2},"handNumber":3}""", json[5]);

        for (var i = 0; i < events.Length; i++)
        {
            var back = JsonSerializer.Deserialize(json[i], HokmJsonContext.Default.GameEvent)!;
            Assert.Equal(json[i], JsonSerializer.Serialize(back, HokmJsonContext.Default.GameEvent));
        }
    }
}
