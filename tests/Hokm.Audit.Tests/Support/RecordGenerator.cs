using System.Text.Json.Nodes;

namespace Hokm.Audit.Tests.Support;

/// <summary>
/// Writes valid hokm-record/1 games for the tests: deals from a seed per docs/shuffle.md and lets
/// simple players play to the end. It keeps its own small copy of the play rules (legal cards,
/// trick winner, automatic trump, scoring) rather than calling the auditor's, so a valid game is
/// a second opinion on the auditor and not its echo. Only the shuffle is shared; it has its own
/// known-answer tests.
/// </summary>
internal static class RecordGenerator
{
    public static JsonObject Generate(string seed, int targetScore, PlayPolicy policy = PlayPolicy.FirstLegal, bool randomHakem = false)
    {
        var draws = new JsonArray();
        int hakem;
        if (randomHakem)
        {
            // The "random Hakem" option: no face-up draw is recorded.
            hakem = seed.Length % 4;
        }
        else
        {
            var deck0 = HokmShuffle.Deck(seed, 0);
            var i = 0;
            while (true)
            {
                draws.Add(new JsonObject { ["seat"] = i % 4, ["card"] = deck0[i].ToString() });
                if (deck0[i].Rank == 14)
                {
                    break;
                }

                i++;
            }

            hakem = i % 4;
        }

        var score = new int[2];
        var hands = new JsonArray();
        for (var number = 1; score[0] < targetScore && score[1] < targetScore; number++)
        {
            var hand = PlayHand(HokmShuffle.Deck(seed, number), number, hakem, policy);
            var winner = (int)hand["winnerIndex"]!;
            hand.Remove("winnerIndex");
            score[winner] += (int)hand["points"]!;
            hand["score"] = Score(score[0], score[1]);
            hands.Add(hand);

            // The Hakem keeps the deal when their team won, else it passes to the next seat.
            if (winner != hakem % 2)
            {
                hakem = (hakem + 1) % 4;
            }
        }

        return new JsonObject
        {
            ["format"] = "hokm-record/1",
            ["gameId"] = $"game-{seed}",
            ["seed"] = seed,
            ["targetScore"] = targetScore,
            ["players"] = new JsonArray([.. Enumerable.Range(0, 4).Select(seat => (JsonNode)new JsonObject
            {
                ["seat"] = seat,
                ["playerId"] = $"player-{seat}",
                ["name"] = $"Bot {seat}",
                ["bot"] = true,
            })]),
            ["hakemDraws"] = draws,
            ["hands"] = hands,
            ["winner"] = score[0] >= targetScore ? "A" : "B",
            ["score"] = Score(score[0], score[1]),
        };
    }

    private static JsonObject PlayHand(IReadOnlyList<Card> deck, int number, int hakem, PlayPolicy policy)
    {
        // 5-4-4 packets from the Hakem round the table.
        var held = new List<Card>[4];
        for (var k = 0; k < 4; k++)
        {
            held[(hakem + k) % 4] = [.. deck.Skip(5 * k).Take(5), .. deck.Skip(20 + (4 * k)).Take(4), .. deck.Skip(36 + (4 * k)).Take(4)];
        }

        var firstFive = held.Select(cards => cards.Take(5).ToList()).ToArray();
        var deal = held.Select(cards => cards.ToList()).ToArray();

        // Odd hands time out and get the automatic trump; even hands the Hakem names the suit of
        // their first card, which is often not the automatic one.
        var trumpAuto = number % 2 == 1;
        var trump = trumpAuto ? AutoTrump(firstFive[hakem]) : firstFive[hakem][0].Suit;

        var tricks = new JsonArray();
        var won = new int[2];
        var leader = hakem;
        while (won[0] < 7 && won[1] < 7)
        {
            var plays = new List<(int Seat, Card Card)>();
            for (var k = 0; k < 4; k++)
            {
                var seat = (leader + k) % 4;
                var legal = held[seat];
                if (plays.Count > 0 && held[seat].Where(c => c.Suit == plays[0].Card.Suit).ToList() is { Count: > 0 } following)
                {
                    legal = following;
                }

                var card = policy == PlayPolicy.FirstLegal ? legal[0] : legal.MaxBy(c => c.Rank);
                held[seat].Remove(card);
                plays.Add((seat, card));
            }

            var best = plays[0];
            foreach (var play in plays.Skip(1))
            {
                var beats = play.Card.Suit == best.Card.Suit ? play.Card.Rank > best.Card.Rank : play.Card.Suit == trump;
                if (beats)
                {
                    best = play;
                }
            }

            tricks.Add(new JsonObject
            {
                ["leader"] = leader,
                ["plays"] = new JsonArray([.. plays.Select(p => (JsonNode)new JsonObject { ["seat"] = p.Seat, ["card"] = p.Card.ToString() })]),
                ["winner"] = best.Seat,
            });
            won[best.Seat % 2]++;
            leader = best.Seat;
        }

        var winner = won[0] == 7 ? 0 : 1;
        var sweep = won[1 - winner] == 0;
        var (points, kot) = !sweep ? (1, "none") : winner == hakem % 2 ? (2, "kot") : (3, "hakem_kot");
        return new JsonObject
        {
            ["number"] = number,
            ["hakem"] = hakem,
            ["firstFive"] = BySeat(firstFive),
            ["deal"] = BySeat(deal),
            ["trump"] = Card.SuitLetter(trump).ToString(),
            ["trumpAuto"] = trumpAuto,
            ["tricks"] = tricks,
            ["tricksWon"] = Score(won[0], won[1]),
            ["winner"] = winner == 0 ? "A" : "B",
            ["points"] = points,
            ["kot"] = kot,
            ["winnerIndex"] = winner,
        };
    }

    /// <summary>Most cards; ties by the highest card, then the next highest; then suit order S, H, D, C.</summary>
    private static Suit AutoTrump(List<Card> five)
    {
        var suits = Enum.GetValues<Suit>().ToList();
        string Key(Suit suit) => string.Concat(five.Where(c => c.Suit == suit).Select(c => c.Rank).OrderDescending().Select(r => (char)('a' + r)));

        // A longer holding outranks a shorter one; equal lengths compare rank by rank, which for
        // these one-letter-per-rank keys is plain ordinal order.
        suits.Sort((x, y) =>
        {
            var (kx, ky) = (Key(x), Key(y));
            var byLength = ky.Length.CompareTo(kx.Length);
            return byLength != 0 ? byLength : kx != ky ? string.CompareOrdinal(ky, kx) : x.CompareTo(y);
        });
        return suits[0];
    }

    private static JsonObject BySeat(List<Card>[] cards) => new()
    {
        ["0"] = Cards(cards[0]),
        ["1"] = Cards(cards[1]),
        ["2"] = Cards(cards[2]),
        ["3"] = Cards(cards[3]),
    };

    private static JsonArray Cards(IEnumerable<Card> cards) => new([.. cards.Select(c => (JsonNode)c.ToString())]);

    private static JsonObject Score(int a, int b) => new() { ["A"] = a, ["B"] = b };
}
