using System.Text.Json.Nodes;
using Hokm.Audit.Tests.Support;

namespace Hokm.Audit.Tests;

/// <summary>
/// A damaged record yields violations and never an exception: every value of a valid record is
/// replaced in turn by something of the wrong type, and every prefix of it is audited.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly JsonObject _valid = RecordGenerator.Generate("robust-1", 1);

    public static TheoryData<string> Replacements => new() { "null", "[]", "{}", "-1", "1e20", "\"\"" };

    [Theory]
    [MemberData(nameof(Replacements))]
    public void Every_value_replaced_by_a_wrong_one_is_reported_and_never_throws(string replacement)
    {
        var paths = Paths(_valid, string.Empty).ToList();
        Assert.True(paths.Count > 300, $"only {paths.Count} values");

        var unnoticed = new List<string>();
        foreach (var path in paths)
        {
            var record = TestAudit.Copy(_valid);
            Set(record, path, JsonNode.Parse(replacement));

            var violations = TestAudit.Run(record);

            Assert.DoesNotContain(violations, v => v.Rule == AuditRules.Internal);
            if (violations.Count == 0 && !Allowed(path, replacement))
            {
                unnoticed.Add(path);
            }
        }

        Assert.True(unnoticed.Count == 0, "unnoticed: " + string.Join(", ", unnoticed));
    }

    [Fact]
    public void Every_prefix_of_a_record_is_one_format_violation()
    {
        var json = _valid.ToJsonString();

        for (var length = 0; length < json.Length; length += 7)
        {
            var violation = Assert.Single(RecordAuditor.AuditRecord(json[..length]));
            Assert.Equal(AuditRules.Format, violation.Rule);
        }
    }

    [Theory]
    [InlineData("\"\\uD800\"")]
    [InlineData("{\"format\":\"\uD800\"}")]
    [InlineData("{\"format\":\"hokm-record/1\",\"format\":3}")]
    [InlineData("{\"hands\":[null,1,\"x\",{\"tricks\":[null,{\"plays\":[null,{}]}]}]}")]
    [InlineData("{\"hakemDraws\":[{\"seat\":0,\"card\":\"2S\"}],\"hands\":[{\"hakem\":3}]}")]
    public void Odd_json_is_reported_not_thrown(string json)
    {
        var violations = RecordAuditor.AuditRecord(json);

        Assert.NotEmpty(violations);
        Assert.DoesNotContain(violations, v => v.Rule == AuditRules.Internal);
    }

    [Fact]
    public void Json_nested_deeper_than_the_parser_allows_is_a_format_violation()
    {
        var json = new string('[', 1000) + new string(']', 1000);

        Assert.Equal(AuditRules.Format, Assert.Single(RecordAuditor.AuditRecord(json)).Rule);
    }

    // Free-text values accept any string, a null seed only turns the seed checks off, and no
    // face-up draw is the "random Hakem" option.
    private static bool Allowed(string path, string replacement) =>
        (replacement == "\"\"" && (path is "gameId" || path.EndsWith(".playerId", StringComparison.Ordinal) || path.EndsWith(".name", StringComparison.Ordinal)))
        || (path == "seed" && replacement == "null")
        || (path == "hakemDraws" && replacement == "[]");

    private static IEnumerable<string> Paths(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    yield return childPath;
                    foreach (var inner in Paths(child!, childPath))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = $"{path}[{i}]";
                    yield return childPath;
                    foreach (var inner in Paths(array[i]!, childPath))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parent = root;
        var steps = Steps(path).ToList();
        foreach (var step in steps.Take(steps.Count - 1))
        {
            parent = step is int index ? parent[index]! : parent[(string)step]!;
        }

        if (steps[^1] is int last)
        {
            parent[last] = value;
        }
        else
        {
            parent[(string)steps[^1]] = value;
        }
    }

    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            yield return bracket < 0 ? part : part[..bracket];
            if (bracket < 0)
            {
                continue;
            }

            foreach (var index in part[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return int.Parse(index.TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
