using System.Globalization;
using System.Text.Json;

namespace Hokm.Cli.Load;

/// <summary>Compares a game record (GAME_RECORD.md) with the card plays its clients saw, hand by hand and trick by trick.</summary>
internal static class RecordComparer
{
    private const int MaxDifferences = 10;

    public static IReadOnlyList<string> Compare(string recordJson, IReadOnlyList<ObservedPlay> observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var differences = new List<string>();
        List<(int Hand, List<List<(int Seat, string Card)>> Tricks)> hands;
        try
        {
            hands = ReadHands(recordJson);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return [$"record is not readable: {ex.Message}"];
        }

        var seenByHand = observed.GroupBy(static p => p.Hand).ToDictionary(static g => g.Key, static g => g.ToList());
        foreach (var (hand, tricks) in hands)
        {
            var seen = seenByHand.GetValueOrDefault(hand) ?? [];
            seenByHand.Remove(hand);
            var recorded = tricks.SelectMany(static t => t).ToList();
            for (var t = 0; t < tricks.Count; t++)
            {
                if (tricks[t].Count != 4 && t != tricks.Count - 1)
                {
                    differences.Add(Invariant($"hand {hand} trick {t + 1}: record holds {tricks[t].Count} plays"));
                }
            }

            for (var i = 0; i < Math.Max(recorded.Count, seen.Count); i++)
            {
                var r = i < recorded.Count ? $"seat {recorded[i].Seat} {recorded[i].Card}" : "nothing";
                var s = i < seen.Count ? $"seat {seen[i].Seat} {seen[i].Card}" : "nothing";
                if (r != s)
                {
                    differences.Add(Invariant($"hand {hand} trick {(i / 4) + 1} play {(i % 4) + 1}: record has {r}, clients saw {s}"));
                    break;
                }
            }

            if (differences.Count >= MaxDifferences)
            {
                return differences;
            }
        }

        foreach (var (hand, plays) in seenByHand.OrderBy(static p => p.Key))
        {
            differences.Add(Invariant($"hand {hand}: clients saw {plays.Count} plays the record does not hold"));
        }

        return differences;
    }

    private static List<(int Hand, List<List<(int Seat, string Card)>> Tricks)> ReadHands(string recordJson)
    {
        using var document = JsonDocument.Parse(recordJson);
        var hands = new List<(int, List<List<(int, string)>>)>();
        foreach (var hand in document.RootElement.GetProperty("hands").EnumerateArray())
        {
            var tricks = new List<List<(int, string)>>();
            foreach (var trick in hand.GetProperty("tricks").EnumerateArray())
            {
                tricks.Add([.. trick.GetProperty("plays").EnumerateArray().Select(static p => (p.GetProperty("seat").GetInt32(), p.GetProperty("card").GetString()!))]);
            }

            hands.Add((hand.GetProperty("number").GetInt32(), tricks));
        }

        return hands;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
