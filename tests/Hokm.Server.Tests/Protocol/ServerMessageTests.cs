using System.Text;
using Hokm.Game.Cards;
using Hokm.Game.Rules;
using Hokm.Server.Protocol;

namespace Hokm.Server.Tests.Protocol;

/// <summary>Server messages are written exactly as docs/protocol.md shows them.</summary>
public sealed class ServerMessageTests
{
    [Fact]
    public void Messages_are_camel_case_with_the_type_first_and_cards_as_protocol_strings()
    {
        Assert.Equal(
            """{"type":"card_played","seat":2,"card":"10H","version":7,"auto":false}""",
            Json(new CardPlayedMessage(2, Card.Parse("10H"), 7, false)));
        Assert.Equal(
            """{"type":"hand_over","team":"B","points":3,"kot":"hakem_kot","score":{"A":1,"B":4},"nextHakem":1,"tricks":{"A":0,"B":7},"handNumber":3}""",
            Json(new HandOverMessage(Team.B, 3, Kot.HakemKot, new TeamScore(1, 4), 1, new TeamScore(0, 7), 3)));
        Assert.Equal(
            """{"type":"error","code":"not_your_turn","message":"m","replyTo":"r7"}""",
            Json(new ErrorMessage(ErrorCodes.NotYourTurn, "m") { ReplyTo = "r7" }));
        Assert.Equal(
            """{"type":"trump_chosen","suit":"S","seat":0,"auto":true}""",
            Json(new TrumpChosenMessage(Suit.Spades, 0, true)));
    }

    [Fact]
    public void Legal_is_left_out_unless_it_is_the_receivers_turn()
    {
        var deadline = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.DoesNotContain("legal", Json(new TurnMessage(1, deadline, "play_card")), StringComparison.Ordinal);
        Assert.Contains("\"legal\":[\"AS\"]", Json(new TurnMessage(1, deadline, "play_card") { Legal = [Card.Parse("AS")] }), StringComparison.Ordinal);
        Assert.Contains("\"deadline\":\"2026-01-02T03:04:05+00:00\"", Json(new TurnMessage(1, deadline, "play_card")), StringComparison.Ordinal);
    }

    private static string Json(ServerMessage message) => Encoding.UTF8.GetString(ServerMessages.Serialize(message));
}
