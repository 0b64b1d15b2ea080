using System.Text.Json;
using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Tests.Persistence;

public sealed class OutboxEventsTests
{
    [Fact]
    public void A_move_is_camel_case_with_its_kind_as_a_word_and_no_nulls()
    {
        var e = OutboxEvents.Move(new MoveRecorded("g1", 5, 1, 2, 3, MoveKind.Play, true, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), Card: "10H"));

        Assert.Equal("move", e.Type);
        Assert.Equal(
            """{"gameId":"g1","seq":5,"hand":1,"trick":2,"seat":3,"kind":"play","auto":true,"at":"2025-01-02T03:04:05+00:00","card":"10H"}""",
            e.Payload);
    }

    [Fact]
    public void A_game_start_lists_its_seats_without_derived_teams()
    {
        var e = OutboxEvents.GameStarted(Events.Game("0123456789abcdef", "p1"));
        using var json = JsonDocument.Parse(e.Payload);

        Assert.Equal("game_started", e.Type);
        var seat = json.RootElement.GetProperty("players")[0];
        Assert.Equal("""{"seat":0,"name":"Sara","bot":false,"playerId":"p1"}""", seat.GetRawText());
        Assert.Equal(JsonValueKind.Undefined, json.RootElement.GetProperty("players")[1].TryGetProperty("playerId", out var id) ? id.ValueKind : JsonValueKind.Undefined);
        Assert.Equal(7, json.RootElement.GetProperty("targetScore").GetInt32());
    }

    [Fact]
    public void A_hand_writes_sweeps_and_teams_as_the_protocol_does()
    {
        var e = OutboxEvents.HandCompleted(new HandCompleted("g", 3, 1, "D", true, 0, 7, TeamSide.B, 3, KotKind.HakemKot));

        Assert.Equal("hand_completed", e.Type);
        Assert.Equal("""{"gameId":"g","number":3,"hakem":1,"trump":"D","trumpAuto":true,"tricksA":0,"tricksB":7,"winner":"B","points":3,"kot":"hakem_kot"}""", e.Payload);
    }

    [Fact]
    public void An_action_keeps_its_data_as_json()
    {
        var id = Guid.Parse("0195c9b4-7d2e-7000-8000-000000000001");
        var e = OutboxEvents.Action(new ActionRecorded(id, "login", JsonDocument.Parse("""{"ip":"127.0.0.1"}""").RootElement, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), PlayerId: "p1"));

        Assert.Equal("action", e.Type);
        Assert.Equal("""{"id":"0195c9b4-7d2e-7000-8000-000000000001","kind":"login","data":{"ip":"127.0.0.1"},"at":"2025-01-01T00:00:00+00:00","playerId":"p1"}""", e.Payload);
    }

    [Theory]
    [InlineData("""{"gameId":"g","seq":1,"hand":1,"trick":0,"seat":0,"auto":false,"at":"2025-01-01T00:00:00Z","suit":"H"}""")]
    [InlineData("""{"gameId":"g","seq":"1","hand":1,"trick":0,"seat":0,"kind":"trump","auto":false,"at":"2025-01-01T00:00:00Z","suit":"H"}""")]
    [InlineData("""{"gameId":null,"seq":1,"hand":1,"trick":0,"seat":0,"kind":"trump","auto":false,"at":"2025-01-01T00:00:00Z","suit":"H"}""")]
    [InlineData("""{"gameId":"g","seq":1,"hand":1,"trick":0,"seat":0,"kind":"bid","auto":false,"at":"2025-01-01T00:00:00Z","suit":"H"}""")]
    public void Reading_is_strict_about_missing_values_quoted_numbers_nulls_and_unknown_words(string payload)
    {
        var result = Hokm.Data.Persistence.Sink.OutboxEntryParser.Parse([Events.Entry("move", payload)]);

        Assert.Equal(Hokm.Data.Persistence.Sink.SinkFailureReason.Malformed, Assert.Single(result.Failures).Reason);
    }
}
