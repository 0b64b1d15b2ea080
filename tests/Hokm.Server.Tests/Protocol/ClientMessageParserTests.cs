using System.Text;
using Hokm.Game.Cards;
using Hokm.Server.Protocol;

namespace Hokm.Server.Tests.Protocol;

/// <summary>Every client message, and every way of getting one wrong.</summary>
public sealed class ClientMessageParserTests
{
    [Theory]
    [InlineData("""{"type":"quick_match"}""", typeof(QuickMatchCommand))]
    [InlineData("""{"type":"add_bot"}""", typeof(AddBotCommand))]
    [InlineData("""{"type":"leave_room"}""", typeof(LeaveRoomCommand))]
    [InlineData("""{"type":"sync"}""", typeof(SyncCommand))]
    [InlineData("""{"type":"ping","extra":{"ignored":true}}""", typeof(PingCommand))]
    [InlineData("""{"type":"create_room"}""", typeof(CreateRoomCommand))]
    [InlineData("""{"type":"join_room","room":"abc234"}""", typeof(JoinRoomCommand))]
    [InlineData("""{"type":"choose_trump","suit":"H"}""", typeof(ChooseTrumpCommand))]
    [InlineData("""{"type":"play_card","card":"10H"}""", typeof(PlayCardCommand))]
    public void Each_known_type_parses_to_its_command(string json, Type expected)
    {
        var result = Parse(json);
        Assert.Null(result.Error);
        Assert.IsType(expected, result.Command);
    }

    [Fact]
    public void Create_room_defaults_to_no_bots_and_seven_points_and_reads_given_values()
    {
        Assert.Equal(new CreateRoomCommand(null, 0, 7, false), Parse("""{"type":"create_room"}""").Command);
        Assert.Equal(new CreateRoomCommand("r1", 3, 1, true), Parse("""{"type":"create_room","id":"r1","bots":3,"targetScore":1,"public":true}""").Command);
        Assert.Equal(new CreateRoomCommand(null, 0, 7, false), Parse("""{"type":"create_room","bots":null,"targetScore":null}""").Command);
    }

    [Fact]
    public void Fields_are_normalised()
    {
        Assert.Equal(new JoinRoomCommand(null, "ABC234"), Parse("""{"type":"join_room","room":"abc234"}""").Command);
        Assert.Equal(new ChooseTrumpCommand(null, Suit.Spades), Parse("""{"type":"choose_trump","suit":"s"}""").Command);
        Assert.Equal(new PlayCardCommand(null, Card.Parse("QD")), Parse("""{"type":"play_card","card":"qd"}""").Command);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":")]
    [InlineData("[1,2,3]")]
    [InlineData("\"play_card\"")]
    [InlineData("42")]
    [InlineData("")]
    public void What_is_not_a_json_object_is_bad_json(string text)
    {
        Assert.Equal(ErrorCodes.BadJson, Parse(text).Error!.Code);
    }

    [Fact]
    public void Invalid_utf8_is_bad_json()
    {
        var result = ClientMessageParser.Parse(new byte[] { 0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D });
        Assert.Equal(ErrorCodes.BadJson, result.Error!.Code);
    }

    [Theory]
    [InlineData("""{"type":"dance","id":"a"}""")]
    [InlineData("""{"type":"PLAY_CARD","id":"a"}""")]
    [InlineData("""{"type":"","id":"a"}""")]
    public void An_unknown_type_is_unknown_type_and_echoes_the_id(string json)
    {
        var error = Parse(json).Error!;
        Assert.Equal(ErrorCodes.UnknownType, error.Code);
        Assert.Equal("a", error.ReplyTo);
    }

    [Theory]
    [InlineData("""{"id":"a"}""")]
    [InlineData("""{"type":5,"id":"a"}""")]
    [InlineData("""{"type":null,"id":"a"}""")]
    [InlineData("""{"type":"create_room","bots":4,"id":"a"}""")]
    [InlineData("""{"type":"create_room","bots":-1,"id":"a"}""")]
    [InlineData("""{"type":"create_room","bots":1.5,"id":"a"}""")]
    [InlineData("""{"type":"create_room","bots":"1","id":"a"}""")]
    [InlineData("""{"type":"create_room","targetScore":0,"id":"a"}""")]
    [InlineData("""{"type":"create_room","targetScore":8,"id":"a"}""")]
    [InlineData("""{"type":"create_room","public":"yes","id":"a"}""")]
    [InlineData("""{"type":"join_room","id":"a"}""")]
    [InlineData("""{"type":"join_room","room":"ABC12","id":"a"}""")]
    [InlineData("""{"type":"join_room","room":"ABC1234","id":"a"}""")]
    [InlineData("""{"type":"join_room","room":"ABC10O","id":"a"}""")]
    [InlineData("""{"type":"join_room","room":123456,"id":"a"}""")]
    [InlineData("""{"type":"choose_trump","id":"a"}""")]
    [InlineData("""{"type":"choose_trump","suit":"X","id":"a"}""")]
    [InlineData("""{"type":"choose_trump","suit":"HS","id":"a"}""")]
    [InlineData("""{"type":"play_card","id":"a"}""")]
    [InlineData("""{"type":"play_card","card":"1S","id":"a"}""")]
    [InlineData("""{"type":"play_card","card":"11H","id":"a"}""")]
    [InlineData("""{"type":"play_card","card":" AS","id":"a"}""")]
    [InlineData("""{"type":"play_card","card":["AS"],"id":"a"}""")]
    public void A_missing_or_wrong_field_is_invalid_field_and_echoes_the_id(string json)
    {
        var error = Parse(json).Error!;
        Assert.Equal(ErrorCodes.InvalidField, error.Code);
        Assert.Equal("a", error.ReplyTo);
    }

    [Fact]
    public void The_id_is_echoed_up_to_64_characters_and_refused_beyond()
    {
        var id64 = new string('i', 64);
        Assert.Equal(id64, Parse($$"""{"type":"sync","id":"{{id64}}"}""").Command!.Id);
        Assert.Equal(ErrorCodes.InvalidField, Parse($$"""{"type":"sync","id":"{{id64}}x"}""").Error!.Code);
        Assert.Equal(ErrorCodes.InvalidField, Parse("""{"type":"sync","id":7}""").Error!.Code);
    }

    private static ParseResult Parse(string json) => ClientMessageParser.Parse(Encoding.UTF8.GetBytes(json));
}
