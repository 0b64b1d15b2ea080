using System.Globalization;
using System.Text.Json;

namespace Hokm.Audit.Records;

/// <summary>The value readers: each reports a missing or mistyped value and returns null for it.</summary>
internal sealed partial class RecordReader
{
    /// <summary>An array of <c>{seat, card}</c>; null if any element is unreadable.</summary>
    private List<SeatCard>? ReadSeatCards(JsonElement parent, string name, string parentPath)
    {
        if (Array(parent, name, parentPath) is not { } array)
        {
            return null;
        }

        var path = Join(parentPath, name);
        var result = new List<SeatCard>();
        var complete = true;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                Format(itemPath, "must be an object");
                complete = false;
                continue;
            }

            var seat = Int(item, "seat", itemPath, 0, 3);
            var card = CardProperty(item, "card", itemPath);
            if (seat is { } s && card is { } c)
            {
                result.Add(new SeatCard(s, c));
            }
            else
            {
                complete = false;
            }
        }

        return complete ? result : null;
    }

    /// <summary>An object keyed "0".."3" whose values are card arrays; null if anything is unreadable.</summary>
    private IReadOnlyList<IReadOnlyList<Card>>? ReadSeatHands(JsonElement hand, string name, string parentPath)
    {
        var path = Join(parentPath, name);
        if (!hand.TryGetProperty(name, out var bySeat) || bySeat.ValueKind != JsonValueKind.Object)
        {
            Format(path, "must be an object keyed by seat \"0\" to \"3\"");
            return null;
        }

        foreach (var property in bySeat.EnumerateObject())
        {
            if (System.Array.IndexOf(_seatKeys, property.Name) < 0)
            {
                Format(path, $"has key \"{property.Name}\", seats are \"0\" to \"3\"");
            }
        }

        var result = new IReadOnlyList<Card>[4];
        var complete = true;
        for (var seat = 0; seat < 4; seat++)
        {
            var cards = Cards(bySeat, _seatKeys[seat], path);
            if (cards is null)
            {
                complete = false;
            }
            else
            {
                result[seat] = cards;
            }
        }

        return complete ? result : null;
    }

    private List<Card>? Cards(JsonElement parent, string name, string parentPath)
    {
        if (Array(parent, name, parentPath) is not { } array)
        {
            return null;
        }

        var path = Join(parentPath, name);
        var result = new List<Card>();
        var complete = true;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (ParseCard(item, $"{path}[{index++}]") is { } card)
            {
                result.Add(card);
            }
            else
            {
                complete = false;
            }
        }

        return complete ? result : null;
    }

    private Card? CardProperty(JsonElement parent, string name, string parentPath)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            Format(Join(parentPath, name), "is missing");
            return null;
        }

        return ParseCard(value, Join(parentPath, name));
    }

    private Card? ParseCard(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Format(path, "must be a card string such as \"10H\"");
            return null;
        }

        var text = value.GetString();
        if (!Card.TryParse(text, out var card))
        {
            Format(path, $"\"{text}\" is not a card (rank 2-10, J, Q, K, A then suit S, H, D, C)");
            return null;
        }

        return card;
    }

    private TeamScore? Score(JsonElement parent, string name, string parentPath)
    {
        var path = Join(parentPath, name);
        if (!parent.TryGetProperty(name, out var score) || score.ValueKind != JsonValueKind.Object)
        {
            Format(path, "must be an object {\"A\": n, \"B\": n}");
            return null;
        }

        var a = Int(score, "A", path, 0, int.MaxValue);
        var b = Int(score, "B", path, 0, int.MaxValue);
        return a is { } x && b is { } y ? new TeamScore(x, y) : null;
    }

    private Team? Team(JsonElement parent, string name, string parentPath)
    {
        var text = String(parent, name, parentPath);
        switch (text)
        {
            case null:
                return null;
            case "A":
                return Audit.Team.A;
            case "B":
                return Audit.Team.B;
            default:
                Format(Join(parentPath, name), $"is \"{text}\", expected \"A\" or \"B\"");
                return null;
        }
    }

    private JsonElement? Array(JsonElement parent, string name, string parentPath)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            return value;
        }

        Format(Join(parentPath, name), value.ValueKind == JsonValueKind.Undefined ? "is missing" : "must be an array");
        return null;
    }

    private string? String(JsonElement parent, string name, string parentPath)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Format(Join(parentPath, name), value.ValueKind == JsonValueKind.Undefined ? "is missing" : "must be a string");
        return null;
    }

    private bool? Bool(JsonElement parent, string name, string parentPath)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Format(Join(parentPath, name), value.ValueKind == JsonValueKind.Undefined ? "is missing" : "must be true or false");
        return null;
    }

    private int? Int(JsonElement parent, string name, string parentPath, int min, int max)
    {
        var path = Join(parentPath, name);
        if (!parent.TryGetProperty(name, out var value))
        {
            Format(path, "is missing");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Format(path, "must be an integer");
            return null;
        }

        if (number < min || number > max)
        {
            var range = max == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"at least {min}")
                : string.Create(CultureInfo.InvariantCulture, $"{min} to {max}");
            Format(path, string.Create(CultureInfo.InvariantCulture, $"is {number}, must be {range}"));
            return null;
        }

        return number;
    }

    private void Format(string path, string problem) => log.Add(AuditRules.Format, $"{path}: {problem}");

    private static string Join(string parentPath, string name) => parentPath.Length == 0 ? name : $"{parentPath}.{name}";
}
