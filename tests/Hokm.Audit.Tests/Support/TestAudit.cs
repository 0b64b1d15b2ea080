using System.Text.Json.Nodes;

namespace Hokm.Audit.Tests.Support;

/// <summary>Small helpers to audit a record held as a JSON tree.</summary>
internal static class TestAudit
{
    public static IReadOnlyList<AuditViolation> Run(JsonNode record) => RecordAuditor.AuditRecord(record.ToJsonString());

    public static ISet<string> Rules(JsonNode record) => Rules(Run(record));

    public static ISet<string> Rules(IEnumerable<AuditViolation> violations) => violations.Select(v => v.Rule).ToHashSet();

    /// <summary>A deep copy, so each test breaks its own record.</summary>
    public static JsonObject Copy(JsonObject record) => record.DeepClone().AsObject();

    public static JsonObject Hand(JsonNode record, int number) => record["hands"]![number - 1]!.AsObject();

    public static JsonArray Tricks(JsonNode record, int number) => Hand(record, number)["tricks"]!.AsArray();

    /// <summary>Renders violations into assertion messages, so a failure shows what the auditor said.</summary>
    public static string Describe(IEnumerable<AuditViolation> violations) =>
        string.Join(Environment.NewLine, violations.Select(v => $"{v.Rule}: {v.Message}"));
}
