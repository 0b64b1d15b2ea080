using System.Text.Json.Nodes;
using Hokm.Audit.Tests.Support;

namespace Hokm.Audit.Tests;

/// <summary>
/// Each test breaks exactly one thing in a valid record and expects the auditor to name that rule.
/// Where one mistake should cost exactly one rule, the test says so: the auditor must not bury the
/// cause under violations that only follow from it.
/// </summary>
public sealed class MutationTests
{
    private static readonly JsonObject _valid = RecordGenerator.Generate("42-0", 7);

    private static JsonObject Record() => TestAudit.Copy(_valid);

    [Fact]
    public void The_base_record_is_valid_and_long_enough_to_break() =>
        Assert.Empty(TestAudit.Run(_valid));

    [Fact]
    public void Swapping_two_played_cards_between_hands_breaks_card_ownership_and_the_seed_deal()
    {
        var record = Record();
        var hand = TestAudit.Hand(record, 1);
        var plays = TestAudit.Tricks(record, 1)[0]!["plays"]!.AsArray();
        var (seatA, cardA) = ((int)plays[0]!["seat"]!, (string)plays[0]!["card"]!);
        var (seatB, cardB) = ((int)plays[1]!["seat"]!, (string)plays[1]!["card"]!);
        foreach (var field in new[] { "deal", "firstFive" })
        {
            var a = hand[field]![seatA.ToString(System.Globalization.CultureInfo.InvariantCulture)]!.AsArray();
            var b = hand[field]![seatB.ToString(System.Globalization.CultureInfo.InvariantCulture)]!.AsArray();
            Replace(a, cardA, cardB);
            Replace(b, cardB, cardA);
        }

        var rules = TestAudit.Rules(record);

        Assert.Contains(AuditRules.CardOwnership, rules);
        Assert.Contains(AuditRules.SeedDeal, rules);
    }

    [Fact]
    public void Two_followers_playing_in_each_others_turn_breaks_turn_order()
    {
        var record = Record();
        var plays = TestAudit.Tricks(record, 1)[2]!["plays"]!.AsArray();
        var second = plays[1]!.DeepClone();
        plays[1] = plays[2]!.DeepClone();
        plays[2] = second;

        Assert.Equal([AuditRules.TurnOrder], TestAudit.Rules(record));
    }

    [Fact]
    public void A_trick_led_by_the_wrong_seat_breaks_turn_order()
    {
        var record = Record();
        var trick = TestAudit.Tricks(record, 1)[3]!.AsObject();
        var plays = trick["plays"]!.AsArray();
        var first = plays[0]!.DeepClone();
        plays.RemoveAt(0);
        plays.Add(first);

        var rules = TestAudit.Rules(record);

        Assert.Contains(AuditRules.TurnOrder, rules);
    }

    [Fact]
    public void A_wrong_leader_field_alone_breaks_only_the_leader_rule()
    {
        var record = Record();
        var trick = TestAudit.Tricks(record, 1)[1]!;
        trick["leader"] = ((int)trick["leader"]! + 1) % 4;

        Assert.Equal([AuditRules.Leader], TestAudit.Rules(record));
    }

    [Fact]
    public void Discarding_while_holding_the_led_suit_breaks_follow_suit()
    {
        var record = Record();
        Assert.True(TryBreakFollowSuit(record), "no trick in the base record lets a follower discard instead");

        Assert.Equal([AuditRules.FollowSuit], TestAudit.Rules(record));
    }

    [Fact]
    public void Playing_a_card_the_seat_never_held_breaks_card_ownership()
    {
        var record = Record();
        var hand = TestAudit.Hand(record, 1);
        var play = TestAudit.Tricks(record, 1)[0]!["plays"]![0]!;
        var seat = (int)play["seat"]!;
        var otherSeat = ((seat + 1) % 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var notHeld = hand["deal"]![otherSeat]!.AsArray().Select(c => (string)c!).Last();
        play["card"] = notHeld;

        Assert.Contains(AuditRules.CardOwnership, TestAudit.Rules(record));
    }

    [Fact]
    public void A_card_played_twice_breaks_card_ownership()
    {
        var record = Record();
        var tricks = TestAudit.Tricks(record, 1);
        var first = tricks[0]!["plays"]![0]!;
        var seat = (int)first["seat"]!;
        var later = tricks[1]!["plays"]!.AsArray().First(p => (int)p!["seat"]! == seat)!;
        later["card"] = (string)first["card"]!;

        Assert.Contains(AuditRules.CardOwnership, TestAudit.Rules(record));
    }

    [Fact]
    public void A_wrong_trick_winner_breaks_only_the_trick_winner_rule()
    {
        var record = Record();
        var trick = TestAudit.Tricks(record, 1)[0]!;
        trick["winner"] = ((int)trick["winner"]! + 1) % 4;

        Assert.Equal([AuditRules.TrickWinner], TestAudit.Rules(record));
    }

    [Fact]
    public void A_trick_after_a_team_reached_seven_breaks_hand_end()
    {
        var record = Record();
        var tricks = TestAudit.Tricks(record, 1);
        tricks.Add(tricks[^1]!.DeepClone());

        Assert.Equal([AuditRules.HandEnd], TestAudit.Rules(record));
    }

    [Fact]
    public void A_hand_missing_its_last_trick_breaks_hand_end()
    {
        var record = Record();
        var tricks = TestAudit.Tricks(record, 1);
        tricks.RemoveAt(tricks.Count - 1);

        var rules = TestAudit.Rules(record);

        Assert.Contains(AuditRules.HandEnd, rules);
        Assert.DoesNotContain(AuditRules.HandPoints, rules);
        Assert.DoesNotContain(AuditRules.RunningScore, rules);
    }

    [Fact]
    public void Wrong_tricks_won_breaks_only_the_tricks_won_rule()
    {
        var record = Record();
        var tricksWon = TestAudit.Hand(record, 1)["tricksWon"]!;
        var loser = (int)tricksWon["A"]! == 7 ? "B" : "A";
        tricksWon[loser] = (int)tricksWon[loser]! + 1;

        Assert.Equal([AuditRules.TricksWon], TestAudit.Rules(record));
    }

    [Fact]
    public void Wrong_hand_winner_breaks_only_the_hand_winner_rule()
    {
        var record = Record();
        var hand = TestAudit.Hand(record, 2);
        hand["winner"] = (string)hand["winner"]! == "A" ? "B" : "A";

        Assert.Equal([AuditRules.HandWinner], TestAudit.Rules(record));
    }

    [Fact]
    public void Wrong_points_break_only_the_hand_points_rule()
    {
        var record = Record();
        TestAudit.Hand(record, 1)["points"] = 2;

        Assert.Equal([AuditRules.HandPoints], TestAudit.Rules(record));
    }

    [Fact]
    public void A_kot_claimed_without_a_sweep_breaks_only_the_kot_rule()
    {
        var record = Record();
        TestAudit.Hand(record, 1)["kot"] = "kot";

        Assert.Equal([AuditRules.Kot], TestAudit.Rules(record));
    }

    [Fact]
    public void A_sweep_recorded_as_no_kot_breaks_the_kot_rule()
    {
        var (record, hand) = ValidRecordTests.FindGameWith("hakem_kot");
        hand["kot"] = "kot";

        Assert.Equal([AuditRules.Kot], TestAudit.Rules(record));
    }

    [Fact]
    public void A_wrong_running_score_breaks_only_that_hands_running_score()
    {
        var record = Record();
        var score = TestAudit.Hand(record, 2)["score"]!;
        score["A"] = (int)score["A"]! + 1;

        var violations = TestAudit.Run(record);

        var violation = Assert.Single(violations);
        Assert.Equal(AuditRules.RunningScore, violation.Rule);
        Assert.StartsWith("hand 2:", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_score_error_carried_forward_is_reported_once()
    {
        var record = Record();
        foreach (var hand in record["hands"]!.AsArray().Skip(1))
        {
            hand!["score"]!["A"] = (int)hand["score"]!["A"]! + 1;
        }

        record["score"]!["A"] = (int)record["score"]!["A"]! + 1;

        var violation = Assert.Single(TestAudit.Run(record));

        Assert.Equal(AuditRules.RunningScore, violation.Rule);
        Assert.StartsWith("hand 2:", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hakem_that_neither_stayed_nor_passed_on_breaks_hakem_rotation()
    {
        var record = Record();
        record["seed"] = null;
        var hand = TestAudit.Hand(record, 3);
        hand["hakem"] = ((int)hand["hakem"]! + 2) % 4;

        Assert.Contains(AuditRules.HakemRotation, TestAudit.Rules(record));
    }

    [Fact]
    public void An_automatic_trump_that_is_not_the_longest_suit_breaks_trump_auto()
    {
        var record = Record();
        var hand = record["hands"]!.AsArray().First(h => (bool)h!["trumpAuto"]!)!;
        hand["trump"] = (string)hand["trump"]! == "S" ? "H" : "S";

        Assert.Equal([AuditRules.TrumpAuto], TestAudit.Rules(record));
    }

    [Fact]
    public void A_trump_that_is_not_a_suit_breaks_the_trump_rule() =>
        Assert.Contains(AuditRules.Trump, TestAudit.Rules(With(r => TestAudit.Hand(r, 1)["trump"] = "X")));

    [Fact]
    public void An_ace_drawn_before_the_last_draw_breaks_hakem_draw()
    {
        var record = Record();
        var draws = record["hakemDraws"]!.AsArray();
        var drawn = draws.Select(d => (string)d!["card"]!).ToHashSet();
        draws[0]!["card"] = new[] { "AS", "AH", "AD", "AC" }.First(ace => !drawn.Contains(ace));

        var rules = TestAudit.Rules(record);

        Assert.Contains(AuditRules.HakemDraw, rules);
        Assert.Contains(AuditRules.SeedDraw, rules);
    }

    [Fact]
    public void A_draw_dealt_out_of_seat_order_breaks_hakem_draw() =>
        Assert.Contains(AuditRules.HakemDraw, TestAudit.Rules(With(r => r["hakemDraws"]![1]!["seat"] = 3)));

    [Fact]
    public void A_first_hakem_other_than_the_ace_drawer_breaks_hakem_draw()
    {
        var record = Record();
        record["seed"] = null;
        TestAudit.Hand(record, 1)["hakem"] = ((int)TestAudit.Hand(record, 1)["hakem"]! + 1) % 4;

        Assert.Contains(AuditRules.HakemDraw, TestAudit.Rules(record));
    }

    [Fact]
    public void A_record_dealt_from_another_seed_breaks_seed_deal_and_seed_draw()
    {
        var rules = TestAudit.Rules(With(r => r["seed"] = "43-0"));

        Assert.Contains(AuditRules.SeedDeal, rules);
        Assert.Contains(AuditRules.SeedDraw, rules);
    }

    [Fact]
    public void First_five_that_are_not_the_first_packet_break_only_seed_deal()
    {
        var record = Record();
        var hand = TestAudit.Hand(record, 1);
        var seat = (((int)hand["hakem"]! + 1) % 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var five = hand["firstFive"]![seat]!.AsArray();
        five[0] = (string)hand["deal"]![seat]![12]!;

        Assert.Equal([AuditRules.SeedDeal], TestAudit.Rules(record));
    }

    [Fact]
    public void A_deal_with_a_card_given_twice_breaks_the_deal_rule()
    {
        var record = Record();
        record["seed"] = null;
        var deal = TestAudit.Hand(record, 1)["deal"]!;
        var lastOfSeat1 = deal["1"]!.AsArray().Count - 1;
        deal["1"]![lastOfSeat1] = (string)deal["0"]![12]!;

        Assert.Contains(AuditRules.Deal, TestAudit.Rules(record));
    }

    [Fact]
    public void Hands_numbered_out_of_order_break_the_hand_number_rule() =>
        Assert.Equal([AuditRules.HandNumber], TestAudit.Rules(With(r => TestAudit.Hand(r, 2)["number"] = 5)));

    [Fact]
    public void A_hand_played_after_the_target_was_reached_breaks_game_end()
    {
        var record = Record();
        var hands = record["hands"]!.AsArray();
        var extra = hands[^1]!.DeepClone();
        extra["number"] = hands.Count + 1;
        hands.Add(extra);

        Assert.Contains(AuditRules.GameEnd, TestAudit.Rules(record));
    }

    [Fact]
    public void A_game_that_stops_before_the_target_breaks_game_end()
    {
        var record = Record();
        var hands = record["hands"]!.AsArray();
        hands.RemoveAt(hands.Count - 1);
        record["score"] = hands[^1]!["score"]!.DeepClone();

        Assert.Equal([AuditRules.GameEnd], TestAudit.Rules(record));
    }

    [Fact]
    public void A_game_with_no_hands_breaks_game_end() =>
        Assert.Contains(AuditRules.GameEnd, TestAudit.Rules(With(r => r["hands"] = new JsonArray())));

    [Fact]
    public void A_wrong_final_winner_breaks_only_the_winner_rule() =>
        Assert.Equal([AuditRules.Winner], TestAudit.Rules(With(r => r["winner"] = (string)r["winner"]! == "A" ? "B" : "A")));

    [Fact]
    public void A_wrong_final_score_breaks_only_the_final_score_rule() =>
        Assert.Equal([AuditRules.FinalScore], TestAudit.Rules(With(r => r["score"]!["A"] = (int)r["score"]!["A"]! + 1)));

    [Fact]
    public void A_seat_taken_twice_breaks_the_players_rule() =>
        Assert.Equal([AuditRules.Players], TestAudit.Rules(With(r => r["players"]![3]!["seat"] = 0)));

    [Fact]
    public void Malformed_json_is_a_format_violation_not_an_exception()
    {
        var json = _valid.ToJsonString();

        var violation = Assert.Single(RecordAuditor.AuditRecord(json[..(json.Length / 2)], line: 9));

        Assert.Equal(AuditRules.Format, violation.Rule);
        Assert.Equal(9, violation.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("{\"format\":\"hokm-record/1\"}")]
    public void Json_that_is_not_a_record_is_a_format_violation(string json)
    {
        var rules = TestAudit.Rules(RecordAuditor.AuditRecord(json));

        Assert.Equal([AuditRules.Format], rules);
    }

    [Fact]
    public void A_wrong_format_string_breaks_the_format_rule() =>
        Assert.Equal([AuditRules.Format], TestAudit.Rules(With(r => r["format"] = "hokm-record/2")));

    [Fact]
    public void An_unknown_card_is_a_format_violation()
    {
        var record = Record();
        TestAudit.Tricks(record, 1)[0]!["plays"]![1]!["card"] = "1X";

        var violations = TestAudit.Run(record);

        var violation = Assert.Single(violations);
        Assert.Equal(AuditRules.Format, violation.Rule);
        Assert.Contains("hands[0].tricks[0].plays[1].card", violation.Message, StringComparison.Ordinal);
        Assert.Equal("game-42-0", violation.GameId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void A_target_score_outside_one_to_seven_is_a_format_violation(int target) =>
        Assert.Equal([AuditRules.Format], TestAudit.Rules(With(r => r["targetScore"] = target)));

    [Fact]
    public void A_trick_with_three_plays_breaks_turn_order()
    {
        var record = Record();
        TestAudit.Tricks(record, 2)[0]!["plays"]!.AsArray().RemoveAt(3);

        Assert.Contains(AuditRules.TurnOrder, TestAudit.Rules(record));
    }

    private static JsonObject With(Action<JsonObject> change)
    {
        var record = Record();
        change(record);
        return record;
    }

    private static void Replace(JsonArray cards, string from, string to)
    {
        for (var i = 0; i < cards.Count; i++)
        {
            if ((string)cards[i]! == from)
            {
                cards[i] = to;
            }
        }
    }

    /// <summary>
    /// Finds a follower who played the led suit while also holding a card of another, non-trump
    /// suit that they never play in this hand, and makes them discard that card instead. The trick
    /// winner and everything after stay the same, so only follow-suit is broken.
    /// </summary>
    private static bool TryBreakFollowSuit(JsonObject record)
    {
        foreach (var hand in record["hands"]!.AsArray())
        {
            var trump = (string)hand!["trump"]!;
            var tricks = hand["tricks"]!.AsArray();
            var played = tricks.SelectMany(t => t!["plays"]!.AsArray()).Select(p => (string)p!["card"]!).ToHashSet();
            foreach (var trick in tricks)
            {
                var plays = trick!["plays"]!.AsArray();
                var led = Suit((string)plays[0]!["card"]!);
                var winner = (int)trick["winner"]!;
                foreach (var play in plays.Skip(1))
                {
                    var seat = (int)play!["seat"]!;
                    if (seat == winner || Suit((string)play["card"]!) != led)
                    {
                        continue;
                    }

                    var seatKey = seat.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var discard = hand["deal"]![seatKey]!.AsArray().Select(c => (string)c!)
                        .FirstOrDefault(c => !played.Contains(c) && Suit(c) != led && Suit(c) != trump);
                    if (discard is not null)
                    {
                        play["card"] = discard;
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static string Suit(string card) => card[^1..];
}
