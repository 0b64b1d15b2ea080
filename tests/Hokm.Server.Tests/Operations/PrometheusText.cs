using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hokm.Server.Tests.Operations;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4): <c># HELP</c>, <c># TYPE</c>
/// and sample lines. Anything that does not parse is a <see cref="FormatException"/> naming the line.
/// </summary>
internal static partial class PrometheusText
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyDictionary<string, MetricFamily> Parse(string text)
    {
        var families = new Dictionary<string, MetricFamily>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                ParseComment(line, number, families);
                continue;
            }

            MetricSample sample;
            try
            {
                sample = ParseSample(line, number);
            }
            catch (IndexOutOfRangeException)
            {
                throw new FormatException($"line {number}: the line ends inside its labels");
            }

            var family = FamilyOf(sample.Name, families)
                ?? throw new FormatException($"line {number}: sample {sample.Name} has no # TYPE before it");
            if (family.Type == "histogram" && sample.Name.EndsWith("_bucket", StringComparison.Ordinal) && !sample.Labels.ContainsKey("le"))
            {
                throw new FormatException($"line {number}: histogram bucket without an le label");
            }

            family.Samples.Add(sample);
        }

        if (!text.EndsWith('\n'))
        {
            throw new FormatException("the exposition does not end with a line feed");
        }

        return families;
    }

    private static void ParseComment(string line, int number, Dictionary<string, MetricFamily> families)
    {
        var parts = line.Split(' ', 4);
        if (parts.Length < 3 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE"))
        {
            return; // A plain comment.
        }

        var name = parts[2];
        if (!MetricName().IsMatch(name))
        {
            throw new FormatException($"line {number}: bad metric name '{name}'");
        }

        var family = families.TryGetValue(name, out var existing) ? existing : families[name] = new MetricFamily(name);
        if (parts[1] == "TYPE")
        {
            if (parts.Length != 4 || !Types.Contains(parts[3]))
            {
                throw new FormatException($"line {number}: bad TYPE line");
            }

            if (family.Type is not null || family.Samples.Count > 0)
            {
                throw new FormatException($"line {number}: TYPE of {name} given twice or after its samples");
            }

            family.Type = parts[3];
        }
        else
        {
            if (family.Help is not null)
            {
                throw new FormatException($"line {number}: HELP of {name} given twice");
            }

            family.Help = parts.Length == 4 ? parts[3] : "";
        }
    }

    private static MetricSample ParseSample(string line, int number)
    {
        var position = 0;
        while (position < line.Length && line[position] is not ('{' or ' '))
        {
            position++;
        }

        var name = line[..position];
        if (!MetricName().IsMatch(name))
        {
            throw new FormatException($"line {number}: bad metric name '{name}'");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                if (equals < 0)
                {
                    throw new FormatException($"line {number}: label without '='");
                }

                var labelName = line[position..equals];
                if (!LabelName().IsMatch(labelName) || equals + 1 >= line.Length || line[equals + 1] != '"')
                {
                    throw new FormatException($"line {number}: bad label '{labelName}'");
                }

                position = equals + 2;
                var value = new StringBuilder();
                while (line[position] != '"')
                {
                    if (line[position] == '\\')
                    {
                        position++;
                        value.Append(line[position] switch
                        {
                            'n' => '\n',
                            '\\' => '\\',
                            '"' => '"',
                            var other => throw new FormatException($"line {number}: bad escape '\\{other}'"),
                        });
                    }
                    else
                    {
                        value.Append(line[position]);
                    }

                    position++;
                }

                if (!labels.TryAdd(labelName, value.ToString()))
                {
                    throw new FormatException($"line {number}: label {labelName} twice");
                }

                position++;
                if (line[position] == ',')
                {
                    position++;
                }
                else if (line[position] != '}')
                {
                    throw new FormatException($"line {number}: expected ',' or '}}' in the labels");
                }
            }

            position++;
        }

        var rest = line[position..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (position >= line.Length || line[position] != ' ' || rest.Length is < 1 or > 2)
        {
            throw new FormatException($"line {number}: expected ' value [timestamp]' after the name and labels");
        }

        var sampleValue = ParseValue(rest[0]) ?? throw new FormatException($"line {number}: bad value '{rest[0]}'");
        if (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"line {number}: bad timestamp '{rest[1]}'");
        }

        return new MetricSample(name, labels, sampleValue);
    }

    private static double? ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null,
    };

    private static MetricFamily? FamilyOf(string sampleName, Dictionary<string, MetricFamily> families)
    {
        if (families.TryGetValue(sampleName, out var exact) && exact.Type is not null)
        {
            return exact;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count", "_total", "_created" })
        {
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal)
                && families.TryGetValue(sampleName[..^suffix.Length], out var family) && family.Type is not null)
            {
                return family;
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
