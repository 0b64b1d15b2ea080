using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hokm.Server.Tests.Support;

/// <summary>
/// Checks that no client ever received a card it may not know, over every frame of a game:
/// <list type="bullet">
/// <item>the <c>cards_dealt</c> of different clients never overlap within a hand (each went to its own seat only);</item>
/// <item>frame by frame, in order, every card a client receives is its own (dealt to it in that hand)
/// or already public — played before in the hand, or a face-up draw of the first Hakem. A <c>state</c>'s
/// table cards must be cards some client saw played in that hand (a reconnected client missed them).</item>
/// </list>
/// </summary>
internal static partial class PrivacyCheck
{
    public static IReadOnlyList<string> Violations(IReadOnlyList<GameClient> clients) =>
        Violations([.. clients.Select(static c => (c.Name, c.Frames))]);

    /// <summary>
    /// The same check over frames received by any kind of client (e.g. one that reconnected through a
    /// load balancer). <paramref name="playedElsewhere"/>: cards known to be played by hand (say, from
    /// the stored moves) whose <c>card_played</c> no client received — a node died after committing them.
    /// </summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<(string Name, IReadOnlyList<ServerFrame> Frames)> clients, IReadOnlyDictionary<int, IReadOnlyCollection<string>>? playedElsewhere = null)
    {
        var violations = new List<string>();
        var frames = clients.Select(static c => c.Frames).ToArray();
        var dealt = frames.Select(DealtByHand).ToArray();
        var played = new Dictionary<int, HashSet<string>>();
        foreach (var (hand, cards) in playedElsewhere ?? new Dictionary<int, IReadOnlyCollection<string>>())
        {
            Set(played, hand).UnionWith(cards);
        }

        foreach (var clientFrames in frames)
        {
            var hand = 0;
            foreach (var frame in clientFrames)
            {
                hand = HandOf(frame, hand);
                if (frame.Type == "card_played")
                {
                    Set(played, hand).Add(frame.Str("card")!);
                }
            }
        }

        for (var a = 0; a < clients.Count; a++)
        {
            for (var b = a + 1; b < clients.Count; b++)
            {
                foreach (var (hand, cards) in dealt[a])
                {
                    if (dealt[b].TryGetValue(hand, out var other) && cards.Overlaps(other))
                    {
                        violations.Add($"{clients[a].Name} and {clients[b].Name} were both dealt {string.Join(' ', cards.Intersect(other))} in hand {hand}");
                    }
                }
            }
        }

        for (var c = 0; c < clients.Count; c++)
        {
            CheckClient(clients[c].Name, frames[c], dealt[c], played, violations);
        }

        return violations;
    }

    private static void CheckClient(string name, IReadOnlyList<ServerFrame> frames, Dictionary<int, HashSet<string>> dealt, Dictionary<int, HashSet<string>> played, List<string> violations)
    {
        var hand = 0;
        var known = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var frame in frames)
        {
            index++;
            var frameHand = HandOf(frame, hand);
            if (frameHand != hand)
            {
                hand = frameHand;
                known.Clear();
            }

            var own = Set(dealt, hand);
            switch (frame.Type)
            {
                case "hakem_chosen":
                    known.UnionWith(frame.Json.GetProperty("draws").EnumerateArray().Select(static d => d.GetProperty("card").GetString()!));
                    break;
                case "card_played":
                    known.Add(frame.Str("card")!);
                    break;
                case "state":
                    foreach (var table in frame.Json.GetProperty("trick").EnumerateArray().Select(static t => t.GetProperty("card").GetString()!))
                    {
                        if (Set(played, hand).Contains(table))
                        {
                            known.Add(table);
                        }
                    }

                    if (own.Count == 0)
                    {
                        // Reconnected in a hand whose deal it missed: its hand is checked by the disjointness of the deals.
                        own.UnionWith(frame.Cards("hand"));
                    }

                    break;
                default:
                    break;
            }

            foreach (var card in CardsIn(frame.Json))
            {
                if (!own.Contains(card) && !known.Contains(card))
                {
                    violations.Add($"{name}: frame {index} shows {card}, which is neither its own nor public: {frame.Raw}");
                }
            }
        }
    }

    private static Dictionary<int, HashSet<string>> DealtByHand(IReadOnlyList<ServerFrame> frames)
    {
        var dealt = new Dictionary<int, HashSet<string>>();
        foreach (var frame in frames.Where(static f => f.Type == "cards_dealt"))
        {
            Set(dealt, frame.Int("handNumber")).UnionWith(frame.Cards("cards"));
        }

        return dealt;
    }

    private static int HandOf(ServerFrame frame, int current) => frame.Type switch
    {
        "hakem_chosen" or "cards_dealt" or "state" => frame.IntOrNull("handNumber") ?? current,
        _ => current,
    };

    private static HashSet<string> Set(Dictionary<int, HashSet<string>> sets, int hand) =>
        sets.TryGetValue(hand, out var set) ? set : sets[hand] = new HashSet<string>(StringComparer.Ordinal);

    private static IEnumerable<string> CardsIn(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var card in CardsIn(property.Value))
                    {
                        yield return card;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var card in CardsIn(item))
                    {
                        yield return card;
                    }
                }

                break;
            case JsonValueKind.String when CardPattern().IsMatch(element.GetString()!):
                yield return element.GetString()!;
                break;
            default:
                break;
        }
    }

    [GeneratedRegex("^(10|[2-9JQKA])[SHDC]$")]
    private static partial Regex CardPattern();
}
