using Hokm.Audit.Tests.Support;

namespace Hokm.Audit.Tests;

public sealed class AuditJsonLinesTests
{
    [Fact]
    public void Counts_each_non_empty_line_as_a_game_and_stamps_violations_with_their_line()
    {
        var valid = RecordGenerator.Generate("lines-0", 1);
        var broken = TestAudit.Copy(RecordGenerator.Generate("lines-1", 1));
        broken["winner"] = (string)broken["winner"]! == "A" ? "B" : "A";
        var text = string.Join(
            "\n",
            valid.ToJsonString(),
            string.Empty,
            "{not json",
            "   ",
            broken.ToJsonString(),
            string.Empty);

        var summary = RecordAuditor.AuditJsonLines(new StringReader(text));

        Assert.Equal(3, summary.Games);
        Assert.Collection(
            summary.Violations,
            v => Assert.Equal((3, AuditRules.Format, (string?)null), (v.Line, v.Rule, v.GameId)),
            v => Assert.Equal((5, AuditRules.Winner, (string?)"game-lines-1"), (v.Line, v.Rule, v.GameId)));
    }

    [Fact]
    public void An_empty_stream_is_zero_games_and_no_violations()
    {
        var summary = RecordAuditor.AuditJsonLines(new StringReader(string.Empty));

        Assert.Equal(0, summary.Games);
        Assert.Empty(summary.Violations);
    }

    [Fact]
    public void Windows_line_endings_are_accepted()
    {
        var text = RecordGenerator.Generate("crlf-0", 1).ToJsonString() + "\r\n" + RecordGenerator.Generate("crlf-1", 1).ToJsonString() + "\r\n";

        var summary = RecordAuditor.AuditJsonLines(new StringReader(text));

        Assert.Equal(2, summary.Games);
        Assert.Empty(summary.Violations);
    }

    [Fact]
    public void A_single_record_defaults_to_line_one()
    {
        var violation = Assert.Single(RecordAuditor.AuditRecord("[]"));

        Assert.Equal(1, violation.Line);
    }
}
