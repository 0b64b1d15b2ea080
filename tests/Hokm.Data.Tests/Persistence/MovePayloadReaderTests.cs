using System.Text.Json;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Sink;

namespace Hokm.Data.Tests.Persistence;

/// <summary>The fast move reader agrees with the source-generated one, and leaves it everything unusual.</summary>
public sealed class MovePayloadReaderTests
{
    [Fact]
    public void Every_payload_written_by_OutboxEvents_reads_back_the_same_as_the_generic_reader_reads_it()
    {
        var random = new Random(20250301);
        for (var i = 0; i < 2000; i++)
        {
            var kind = random.Next(2) == 0 ? MoveKind.Trump : MoveKind.Play;
            var move = new MoveRecorded(
                random.Next(3) == 0 ? "guest-é\"\\/" + i : Guid.NewGuid().ToString("N"),
                random.NextInt64(1, long.MaxValue),
                random.Next(int.MinValue, int.MaxValue),
                random.Next(0, 14),
                random.Next(0, 4),
                kind,
                random.Next(2) == 0,
                new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(random.Next(-12, 13))).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 3650)),
                kind == MoveKind.Play || random.Next(4) == 0 ? "10H" : null,
                kind == MoveKind.Trump || random.Next(4) == 0 ? "S" : null);
            var payload = OutboxEvents.Move(move).Payload;

            Assert.Equal(Generic(payload), MovePayloadReader.TryRead(payload));
            Assert.Equal(move, MovePayloadReader.TryRead(payload));
        }
    }

    [Theory]
    [InlineData("""{"at":"2025-01-01T00:00:00Z","auto":false,"kind":"play","seat":1,"trick":2,"hand":3,"seq":4,"gameId":"g","card":"AS"}""")]
    [InlineData("""{"gameId":"g","seq":4,"hand":3,"trick":2,"seat":1,"kind":"play","auto":false,"at":"2025-01-01T00:00:00Z","card":"AS","suit":null}""")]
    [InlineData("""  {"gameId":"g","seq":4,"hand":3,"trick":2,"seat":1,"kind":"play","auto":true,"at":"2025-01-01T03:30:00+03:30"}  """)]
    public void Other_orders_nulls_and_whitespace_read_as_the_generic_reader_reads_them(string payload)
    {
        Assert.NotNull(MovePayloadReader.TryRead(payload));
        Assert.Equal(Generic(payload), MovePayloadReader.TryRead(payload));
    }

    [Theory]
    [InlineData("""{"GameId":"g","seq":4,"hand":3,"trick":2,"seat":1,"kind":"play","auto":false,"at":"2025-01-01T00:00:00Z"}""")]
    [InlineData("""{"gameId":"g","seq":4,"hand":3,"trick":2,"seat":1,"kind":1,"auto":false,"at":"2025-01-01T00:00:00Z"}""")]
    [InlineData("""{"gameId":"g","seq":4,"hand":3,"trick":2,"seat":1,"kind":"play","auto":false,"at":"2025-01-01T00:00:00Z","extra":1}""")]
    [InlineData("""{"gameId":"g","gameId":"h","seq":4,"hand":3,"trick":2,"seat":1,"kind":"play","auto":false,"at":"2025-01-01T00:00:00Z"}""")]
    public void Unusual_but_readable_payloads_are_left_to_the_generic_reader(string payload)
    {
        Assert.Null(MovePayloadReader.TryRead(payload));
        Assert.NotNull(Generic(payload));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{not json")]
    [InlineData("""{"gameId":"g","seq":4,"hand":3,"trick":2,"seat":1,"kind":"Play","auto":false,"at":"2025-01-01T00:00:00Z"}""")]
    [InlineData("""{"gameId":"g","seq":4}""")]
    [InlineData("""{"gameId":null,"seq":4,"hand":3,"trick":2,"seat":1,"kind":"play","auto":false,"at":"2025-01-01T00:00:00Z"}""")]
    [InlineData("""{"gameId":"g","seq":"4","hand":3,"trick":2,"seat":1,"kind":"play","auto":false,"at":"2025-01-01T00:00:00Z"}""")]
    [InlineData("""{"gameId":"g","seq":4,"hand":3.5,"trick":2,"seat":1,"kind":"play","auto":false,"at":"2025-01-01T00:00:00Z"}""")]
    [InlineData("""{"gameId":"g","seq":4,"hand":3,"trick":2,"seat":1,"kind":"play","auto":false,"at":"yesterday"}""")]
    [InlineData("""{"gameId":"g","seq":4,"hand":3,"trick":2,"seat":1,"kind":"play","auto":false,"at":"2025-01-01T00:00:00Z"} {}""")]
    [InlineData("""{"gameId":"g","seq":4,"hand":3,"trick":2,"seat":1,"kind":"play","auto":false,"at":"2025-01-01T00:00:00Z",}""")]
    public void Payloads_the_generic_reader_refuses_are_never_accepted(string payload)
    {
        Assert.Null(MovePayloadReader.TryRead(payload));
        Assert.ThrowsAny<JsonException>(() => Generic(payload) ?? throw new JsonException("null"));
    }

    private static MoveRecorded? Generic(string payload) =>
        JsonSerializer.Deserialize(payload, PersistenceJsonContextAccess.Move);
}
