using System.Buffers;
using System.Text;
using System.Text.Json;
using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Persistence.Sink;

/// <summary>
/// A fast reader for the one payload the sink sees by the thousand: a <c>move</c> in exactly the
/// shape <see cref="OutboxEvents.Move"/> writes (the names as written, each once, values of the
/// expected JSON types, nothing else). Anything else — another order is fine, but unknown or
/// repeated properties, other casing, quoted numbers, nulls where none belong, bad JSON — returns
/// null, and the source-generated reader decides (and explains). So this reader never accepts what
/// that one would refuse, nor reads a value differently; it only skips its generic machinery
/// (per-value boxing for a ten-parameter constructor, case-insensitive name look-ups), which was
/// most of the sink's client-side cost (docs/performance.md).
/// </summary>
internal static class MovePayloadReader
{
    private const int StackLimit = 512;

    private const int GameId = 1 << 0;
    private const int Seq = 1 << 1;
    private const int Hand = 1 << 2;
    private const int Trick = 1 << 3;
    private const int Seat = 1 << 4;
    private const int Kind = 1 << 5;
    private const int Auto = 1 << 6;
    private const int At = 1 << 7;
    private const int Card = 1 << 8;
    private const int Suit = 1 << 9;
    private const int Required = GameId | Seq | Hand | Trick | Seat | Kind | Auto | At;

    public static MoveRecorded? TryRead(string payload)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(payload.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(payload, buffer);
            return Read(buffer[..length]);
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static MoveRecorded? Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? gameId = null, card = null, suit = null;
        long seq = 0;
        int hand = 0, trick = 0, seat = 0, seen = 0;
        var kind = MoveKind.Trump;
        var auto = false;
        DateTimeOffset at = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = Property(ref reader);
            if (property == 0 || (seen & property) != 0 || !reader.Read())
            {
                return null;
            }

            seen |= property;
            var ok = property switch
            {
                GameId => TryString(ref reader, out gameId) && gameId is not null,
                Seq => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out seq),
                Hand => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out hand),
                Trick => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out trick),
                Seat => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out seat),
                Kind => TryKind(ref reader, out kind),
                Auto => TryBool(ref reader, out auto),
                At => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out at),
                Card => TryString(ref reader, out card),
                _ => TryString(ref reader, out suit),
            };
            if (!ok)
            {
                return null;
            }
        }

        // The object must be closed, complete, and the last thing in the payload.
        if (reader.TokenType != JsonTokenType.EndObject || (seen & Required) != Required || reader.Read())
        {
            return null;
        }

        return new MoveRecorded(gameId!, seq, hand, trick, seat, kind, auto, at, card, suit);
    }

    private static int Property(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("gameId"u8) ? GameId
        : reader.ValueTextEquals("seq"u8) ? Seq
        : reader.ValueTextEquals("hand"u8) ? Hand
        : reader.ValueTextEquals("trick"u8) ? Trick
        : reader.ValueTextEquals("seat"u8) ? Seat
        : reader.ValueTextEquals("kind"u8) ? Kind
        : reader.ValueTextEquals("auto"u8) ? Auto
        : reader.ValueTextEquals("at"u8) ? At
        : reader.ValueTextEquals("card"u8) ? Card
        : reader.ValueTextEquals("suit"u8) ? Suit
        : 0;

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static bool TryKind(ref Utf8JsonReader reader, out MoveKind kind)
    {
        kind = MoveKind.Trump;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        kind = reader.ValueTextEquals("play"u8) ? MoveKind.Play : MoveKind.Trump;
        return kind == MoveKind.Play || reader.ValueTextEquals("trump"u8);
    }

    private static bool TryBool(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }
}
