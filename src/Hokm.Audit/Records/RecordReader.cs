using System.Text.Json;

namespace Hokm.Audit.Records;

/// <summary>
/// Reads a hokm-record/1 JSON document into a <see cref="GameRecord"/>, reporting every missing
/// field, wrong JSON type and unreadable card as a <c>format</c> violation instead of throwing. The
/// path in each message (<c>hands[2].tricks[4].plays[1].card</c>) points at the offending value.
/// </summary>
internal sealed partial class RecordReader(ViolationLog log)
{
    public const string FormatName = "hokm-record/1";

    private static readonly string[] _seatKeys = ["0", "1", "2", "3"];

    public GameRecord Read(JsonElement root)
    {
        // The id first: every violation after this one carries it.
        if (root.TryGetProperty("gameId", out var id) && id.ValueKind == JsonValueKind.String)
        {
            log.GameId = id.GetString();
        }
        else
        {
            Format("gameId", "must be a string");
        }

        var format = String(root, "format", string.Empty);
        if (format is not null && format != FormatName)
        {
            Format("format", $"is \"{format}\", expected \"{FormatName}\"");
        }

        return new GameRecord(
            Seed: ReadSeed(root),
            TargetScore: Int(root, "targetScore", string.Empty, 1, 7),
            PlayerSeats: ReadPlayers(root),
            HakemDraws: ReadSeatCards(root, "hakemDraws", string.Empty),
            Hands: ReadHands(root),
            Winner: Team(root, "winner", string.Empty),
            Score: Score(root, "score", string.Empty));
    }

    // A live game may not keep its seed; an absent seed reads as null just like an explicit one,
    // because either way the only consequence is that the seed checks are skipped.
    private string? ReadSeed(JsonElement root)
    {
        if (!root.TryGetProperty("seed", out var seed) || seed.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (seed.ValueKind != JsonValueKind.String)
        {
            Format("seed", "must be a string or null");
            return null;
        }

        return seed.GetString();
    }

    private List<int>? ReadPlayers(JsonElement root)
    {
        if (Array(root, "players", string.Empty) is not { } players)
        {
            return null;
        }

        var seats = new List<int>();
        var complete = true;
        var index = 0;
        foreach (var player in players.EnumerateArray())
        {
            var path = $"players[{index++}]";
            if (player.ValueKind != JsonValueKind.Object)
            {
                Format(path, "must be an object");
                complete = false;
                continue;
            }

            String(player, "playerId", path);
            String(player, "name", path);
            if (!player.TryGetProperty("bot", out var bot) || bot.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Format($"{path}.bot", "must be true or false");
            }

            if (Int(player, "seat", path, 0, 3) is { } seat)
            {
                seats.Add(seat);
            }
            else
            {
                complete = false;
            }
        }

        // With an unreadable seat the seat checks would only repeat the format violation.
        return complete ? seats : null;
    }

    private List<HandRecord>? ReadHands(JsonElement root)
    {
        if (Array(root, "hands", string.Empty) is not { } hands)
        {
            return null;
        }

        var result = new List<HandRecord>();
        var index = 0;
        foreach (var hand in hands.EnumerateArray())
        {
            var path = $"hands[{index++}]";
            if (hand.ValueKind != JsonValueKind.Object)
            {
                Format(path, "must be an object");

                // Keep the position so later hands still map to their decks.
                result.Add(new HandRecord(index, null, null, null, null, null, null, null, null, null, null, null, null));
                continue;
            }

            result.Add(new HandRecord(
                Position: index,
                Number: Int(hand, "number", path, 1, int.MaxValue),
                Hakem: Int(hand, "hakem", path, 0, 3),
                FirstFive: ReadSeatHands(hand, "firstFive", path),
                Deal: ReadSeatHands(hand, "deal", path),
                Trump: ReadTrump(hand, path),
                TrumpAuto: Bool(hand, "trumpAuto", path),
                Tricks: ReadTricks(hand, path),
                TricksWon: Score(hand, "tricksWon", path),
                Winner: Team(hand, "winner", path),
                Points: Int(hand, "points", path, 1, 3),
                Kot: ReadKot(hand, path),
                Score: Score(hand, "score", path)));
        }

        return result;
    }

    private Suit? ReadTrump(JsonElement hand, string path)
    {
        var text = String(hand, "trump", path);
        if (text is null)
        {
            return null;
        }

        if (!Card.TryParseSuit(text, out var suit))
        {
            log.Add(AuditRules.Trump, $"{path}.trump: \"{text}\" is not a suit (S, H, D, C)");
            return null;
        }

        return suit;
    }

    private Kot? ReadKot(JsonElement hand, string path)
    {
        var text = String(hand, "kot", path);
        Kot? kot = text switch
        {
            null => null,
            "none" => Audit.Kot.None,
            "kot" => Audit.Kot.Kot,
            "hakem_kot" => Audit.Kot.HakemKot,
            _ => null,
        };
        if (text is not null && kot is null)
        {
            Format($"{path}.kot", $"is \"{text}\", expected none, kot or hakem_kot");
        }

        return kot;
    }

    private List<TrickRecord>? ReadTricks(JsonElement hand, string path)
    {
        if (Array(hand, "tricks", path) is not { } tricks)
        {
            return null;
        }

        var result = new List<TrickRecord>();
        var index = 0;
        foreach (var trick in tricks.EnumerateArray())
        {
            var trickPath = $"{path}.tricks[{index++}]";
            if (trick.ValueKind != JsonValueKind.Object)
            {
                Format(trickPath, "must be an object");
                result.Add(new TrickRecord(null, null, null));
                continue;
            }

            result.Add(new TrickRecord(
                Int(trick, "leader", trickPath, 0, 3),
                ReadSeatCards(trick, "plays", trickPath),
                Int(trick, "winner", trickPath, 0, 3)));
        }

        return result;
    }
}
