using System.CommandLine;
using System.Globalization;
using Hokm.Audit;

namespace Hokm.Cli.Auditing;

/// <summary>
/// <c>hokm audit FILE</c>: checks a JSON Lines file of game records with the independent auditor
/// (Hokm.Audit knows nothing of the engine that wrote the records). Exit 0 clean, 1 violations, 2 no file.
/// </summary>
internal static class AuditCommand
{
    private const int ShownViolations = 20;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Game records, one JSON object per line (as written by simulate)." };
        var command = new Command("audit", "Check game records against the rules, independently of the engine.") { file };
        command.SetAction(parse => Run(parse.GetRequiredValue(file), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string path, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"error: no such file: {path}");
            return 2;
        }

        AuditSummary summary;
        try
        {
            using var reader = new StreamReader(path);
            summary = RecordAuditor.AuditJsonLines(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read {path}: {ex.Message}");
            return 2;
        }

        foreach (var v in summary.Violations.Take(ShownViolations))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {v.Line} game {v.GameId ?? "?"} [{v.Rule}] {v.Message}"));
        }

        if (summary.Violations.Count > ShownViolations)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… {summary.Violations.Count - ShownViolations} more not shown"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary.Games} games audited, {summary.Violations.Count} violations"));
        return summary.Violations.Count == 0 ? 0 : 1;
    }
}
