using System.Text.Json;
using Hokm.Audit.Checks;
using Hokm.Audit.Records;

namespace Hokm.Audit;

/// <summary>
/// Audits hokm-record/1 game records against RULES.md, independently of the engine that wrote
/// them. A damaged record yields violations, never an exception: one bad line must not stop the
/// audit of a simulator run of thousands.
/// </summary>
public static class RecordAuditor
{
    /// <summary>Audits one record; returns its violations, empty when the game is valid.</summary>
    /// <param name="json">The record as JSON text.</param>
    /// <param name="line">The line number stamped on each violation.</param>
    public static IReadOnlyList<AuditViolation> AuditRecord(string json, int line = 1)
    {
        ArgumentNullException.ThrowIfNull(json);

        var log = new ViolationLog(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            log.Add(AuditRules.Format, $"not valid JSON: {ex.Message}");
            return log.Violations;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                log.Add(AuditRules.Format, $"the record must be a JSON object, not {root.ValueKind}");
                return log.Violations;
            }

            try
            {
                new GameChecker(log).Check(new RecordReader(log).Read(root));
            }
#pragma warning disable CA1031 // A bug in the auditor must cost one record, not the whole audit.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.Add(AuditRules.Internal, $"the auditor failed on this record ({ex.GetType().Name}: {ex.Message}); it is only partly audited");
            }
        }

        return log.Violations;
    }

    /// <summary>Audits a JSON Lines stream, one record per non-empty line.</summary>
    public static AuditSummary AuditJsonLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);

        var games = 0;
        var violations = new List<AuditViolation>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            games++;
            violations.AddRange(AuditRecord(text, lineNumber));
        }

        return new AuditSummary(games, violations);
    }
}
