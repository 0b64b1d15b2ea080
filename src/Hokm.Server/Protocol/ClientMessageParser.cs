using System.Text.Json;
using System.Text.Unicode;
using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Server.Protocol;

/// <summary>
/// Turns one inbound text frame into a <see cref="ClientCommand"/>, validating every field
/// (docs/protocol.md): not JSON or not an object → <c>bad_json</c>; <c>type</c> missing or not a
/// string, or a field missing, of the wrong JSON type or out of range → <c>invalid_field</c>; a type
/// the server does not know → <c>unknown_type</c>. Fields the server does not know are ignored; an
/// optional field given as <c>null</c> counts as absent.
/// </summary>
internal static class ClientMessageParser
{
    /// <summary>Largest inbound frame, in bytes (the protocol's 4 KiB).</summary>
    public const int MaxMessageBytes = 4 * 1024;

    /// <summary>Longest <c>id</c> a client may send.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Default of <c>create_room</c>'s <c>targetScore</c>.</summary>
    public const int DefaultTargetScore = GameOptions.MaxTargetScore;

    /// <summary>Most bots <c>create_room</c> may ask for.</summary>
    public const int MaxBots = 3;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>Parses a UTF-8 frame.</summary>
    public static ParseResult Parse(ReadOnlyMemory<byte> utf8)
    {
        if (!Utf8.IsValid(utf8.Span))
        {
            return ParseResult.Fail(ErrorCodes.BadJson, "The message is not valid UTF-8 text.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException)
        {
            return ParseResult.Fail(ErrorCodes.BadJson, "The message is not valid JSON (UTF-8 text).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParseResult.Fail(ErrorCodes.BadJson, "A message is a JSON object with a \"type\".");
            }

            string? id = null;
            if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
            {
                if (idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: <= MaxIdLength } text)
                {
                    return ParseResult.Fail(ErrorCodes.InvalidField, $"\"id\" must be a string of at most {MaxIdLength} characters.");
                }

                id = text;
            }

            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return ParseResult.Fail(ErrorCodes.InvalidField, "\"type\" is required and must be a string.", id);
            }

            var type = typeElement.GetString();
            return type switch
            {
                "create_room" => ParseCreateRoom(root, id),
                "join_room" => ParseJoinRoom(root, id),
                "quick_match" => ParseResult.Ok(new QuickMatchCommand(id)),
                "add_bot" => ParseResult.Ok(new AddBotCommand(id)),
                "leave_room" => ParseResult.Ok(new LeaveRoomCommand(id)),
                "choose_trump" => ParseChooseTrump(root, id),
                "play_card" => ParsePlayCard(root, id),
                "sync" => ParseResult.Ok(new SyncCommand(id)),
                "ping" => ParseResult.Ok(new PingCommand(id)),
                _ => ParseResult.Fail(ErrorCodes.UnknownType, $"Unknown message type \"{Truncate(type)}\".", id),
            };
        }
    }

    private static ParseResult ParseCreateRoom(JsonElement root, string? id)
    {
        if (!TryOptionalInt(root, "bots", 0, 0, MaxBots, out var bots))
        {
            return ParseResult.Fail(ErrorCodes.InvalidField, $"\"bots\" must be a whole number from 0 to {MaxBots}.", id);
        }

        if (!TryOptionalInt(root, "targetScore", DefaultTargetScore, GameOptions.MinTargetScore, GameOptions.MaxTargetScore, out var target))
        {
            return ParseResult.Fail(ErrorCodes.InvalidField, $"\"targetScore\" must be a whole number from {GameOptions.MinTargetScore} to {GameOptions.MaxTargetScore}.", id);
        }

        var isPublic = false;
        if (root.TryGetProperty("public", out var publicElement) && publicElement.ValueKind != JsonValueKind.Null)
        {
            if (publicElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return ParseResult.Fail(ErrorCodes.InvalidField, "\"public\" must be true or false.", id);
            }

            isPublic = publicElement.GetBoolean();
        }

        return ParseResult.Ok(new CreateRoomCommand(id, bots, target, isPublic));
    }

    private static ParseResult ParseJoinRoom(JsonElement root, string? id) =>
        TryRequiredString(root, "room", out var text) && RoomCodes.TryNormalize(text, out var code)
            ? ParseResult.Ok(new JoinRoomCommand(id, code))
            : ParseResult.Fail(ErrorCodes.InvalidField, "\"room\" must be a room code: 6 characters from A-Z and 2-9.", id);

    private static ParseResult ParseChooseTrump(JsonElement root, string? id) =>
        TryRequiredString(root, "suit", out var text) && Suits.TryParse(text, out var suit)
            ? ParseResult.Ok(new ChooseTrumpCommand(id, suit))
            : ParseResult.Fail(ErrorCodes.InvalidField, "\"suit\" must be one of \"S\", \"H\", \"D\", \"C\".", id);

    private static ParseResult ParsePlayCard(JsonElement root, string? id) =>
        TryRequiredString(root, "card", out var text) && Card.TryParse(text, out var card)
            ? ParseResult.Ok(new PlayCardCommand(id, card))
            : ParseResult.Fail(ErrorCodes.InvalidField, "\"card\" must be a card such as \"AS\" or \"10H\": rank 2-10, J, Q, K or A, then suit S, H, D or C.", id);

    private static bool TryRequiredString(JsonElement root, string name, out string? value)
    {
        value = root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value is not null;
    }

    private static bool TryOptionalInt(JsonElement root, string name, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value) && value >= min && value <= max;
    }

    private static string Truncate(string? text) => text is { Length: > 32 } ? text[..32] + "…" : text ?? string.Empty;
}
