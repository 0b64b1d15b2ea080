using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hokm.Game.Cards;

/// <summary>Writes a <see cref="Card"/> as its protocol string (<c>"10H"</c>) and reads it back strictly.</summary>
public sealed class CardJsonConverter : JsonConverter<Card>
{
    /// <inheritdoc />
    public override Card Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A card must be a string such as \"10H\".");
        }

        var text = reader.GetString();
        return Card.TryParse(text, out var card)
            ? card
            : throw new JsonException($"'{text}' is not a card.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Card value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
