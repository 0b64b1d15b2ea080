using System.Text.Json.Nodes;
using Hokm.Audit.Tests.Support;

namespace Hokm.Audit.Tests;

/// <summary>Games played by the rules, as the test generator writes them, audit clean.</summary>
public sealed class ValidRecordTests
{
    [Theory]
    [InlineData("42-0", 7, PlayPolicy.FirstLegal)]
    [InlineData("42-0", 1, PlayPolicy.FirstLegal)]
    [InlineData("42-1", 7, PlayPolicy.HighestLegal)]
    [InlineData("42-2", 1, PlayPolicy.HighestLegal)]
    public void A_generated_game_has_no_violations(string seed, int target, PlayPolicy policy)
    {
        var record = RecordGenerator.Generate(seed, target, policy);

        var violations = TestAudit.Run(record);

        Assert.True(violations.Count == 0, TestAudit.Describe(violations));
    }

    [Fact]
    public void Forty_generated_games_of_both_targets_and_policies_have_no_violations()
    {
        var violations = (
            from i in Enumerable.Range(0, 10)
            from target in new[] { 1, 7 }
            from policy in new[] { PlayPolicy.FirstLegal, PlayPolicy.HighestLegal }
            from violation in TestAudit.Run(RecordGenerator.Generate($"prop-{i}", target, policy))
            select violation).ToList();

        Assert.True(violations.Count == 0, TestAudit.Describe(violations));
    }

    [Fact]
    public void The_target_7_game_for_seed_42_0_has_several_hands_and_both_trump_modes()
    {
        var record = RecordGenerator.Generate("42-0", 7);
        var hands = record["hands"]!.AsArray();

        Assert.True(hands.Count >= 7);
        Assert.Contains(hands, h => (bool)h!["trumpAuto"]!);
        Assert.Contains(hands, h => !(bool)h!["trumpAuto"]!);
        Assert.Equal(2, (int)record["hands"]![0]!["hakem"]!);
    }

    [Fact]
    public void A_record_without_a_seed_is_audited_without_the_seed_checks()
    {
        var record = RecordGenerator.Generate("42-0", 7);
        record["seed"] = null;

        Assert.Empty(TestAudit.Run(record));
    }

    [Fact]
    public void A_record_with_no_seed_property_reads_as_one_without_a_seed()
    {
        var record = RecordGenerator.Generate("42-0", 1);
        record.Remove("seed");

        Assert.Empty(TestAudit.Run(record));
    }

    [Fact]
    public void A_random_hakem_game_with_no_face_up_draw_is_valid()
    {
        var record = RecordGenerator.Generate("random-hakem", 7, randomHakem: true);

        Assert.Empty(record["hakemDraws"]!.AsArray());
        Assert.Empty(TestAudit.Run(record));
    }

    [Fact]
    public void A_game_with_a_kot_hand_scores_two_points_and_is_valid()
    {
        var (record, hand) = FindGameWith("kot");

        Assert.Equal(2, (int)hand["points"]!);
        Assert.Equal(0, Math.Min((int)hand["tricksWon"]!["A"]!, (int)hand["tricksWon"]!["B"]!));
        Assert.Empty(TestAudit.Run(record));
    }

    [Fact]
    public void A_game_with_a_hakem_kot_hand_scores_three_points_and_is_valid()
    {
        var (record, hand) = FindGameWith("hakem_kot");

        Assert.Equal(3, (int)hand["points"]!);
        Assert.Empty(TestAudit.Run(record));
    }

    [Fact]
    public void Sweeps_are_checked_too_a_kot_scored_as_one_point_is_reported()
    {
        var (record, hand) = FindGameWith("kot");
        hand["points"] = 1;

        Assert.Equal([AuditRules.HandPoints], TestAudit.Rules(record));
    }

    [Fact]
    public void Sweeps_are_checked_too_a_kot_recorded_as_none_is_reported()
    {
        var (record, hand) = FindGameWith("kot");
        hand["kot"] = "none";

        Assert.Equal([AuditRules.Kot], TestAudit.Rules(record));
    }

    /// <summary>Searches a bounded range of seeds for a game with a 7–0 hand of the given kind.</summary>
    internal static (JsonObject Record, JsonObject Hand) FindGameWith(string kot)
    {
        for (var i = 0; i < 400; i++)
        {
            foreach (var policy in new[] { PlayPolicy.HighestLegal, PlayPolicy.FirstLegal })
            {
                var record = RecordGenerator.Generate($"sweep-{i}", 7, policy);
                if (record["hands"]!.AsArray().FirstOrDefault(h => (string?)h!["kot"] == kot) is JsonObject hand)
                {
                    return (record, hand);
                }
            }
        }

        throw new InvalidOperationException($"no game with a {kot} hand in the seeds searched");
    }
}
