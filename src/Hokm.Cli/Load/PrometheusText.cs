using System.Globalization;

namespace Hokm.Cli.Load;

/// <summary>A tolerant reader of the Prometheus text exposition format (comments skipped, bad lines ignored).</summary>
internal static class PrometheusText
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (TryParseLine(line, out var sample))
            {
                samples.Add(sample);
            }
        }

        return samples;
    }

    /// <summary>The first sample named exactly <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public static double? Find(IReadOnlyList<PrometheusSample> samples, string name, params (string Key, string Value)[] labels)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            if (sample.Name == name && labels.All(l => sample.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            {
                return sample.Value;
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="names"/> present.</summary>
    public static (string Name, double Value)? FirstOf(IReadOnlyList<PrometheusSample> samples, params string[] names)
    {
        foreach (var name in names)
        {
            if (Find(samples, name) is { } value)
            {
                return (name, value);
            }
        }

        return null;
    }

    private static bool TryParseLine(string line, out PrometheusSample sample)
    {
        sample = null!;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        int rest;
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        string name;
        if (brace > 0 && (space < 0 || brace < space))
        {
            name = line[..brace];
            var i = brace + 1;
            while (i < line.Length && line[i] != '}')
            {
                var eq = line.IndexOf('=', i);
                if (eq < 0 || eq + 1 >= line.Length || line[eq + 1] != '"')
                {
                    return false;
                }

                var key = line[i..eq].Trim().TrimStart(',').Trim();
                var value = new System.Text.StringBuilder();
                var j = eq + 2;
                for (; j < line.Length && line[j] != '"'; j++)
                {
                    if (line[j] == '\\' && j + 1 < line.Length)
                    {
                        j++;
                        value.Append(line[j] == 'n' ? '\n' : line[j]);
                    }
                    else
                    {
                        value.Append(line[j]);
                    }
                }

                if (j >= line.Length)
                {
                    return false;
                }

                labels[key] = value.ToString();
                i = j + 1;
                while (i < line.Length && (line[i] == ',' || line[i] == ' '))
                {
                    i++;
                }
            }

            if (i >= line.Length)
            {
                return false;
            }

            rest = i + 1;
        }
        else
        {
            if (space <= 0)
            {
                return false;
            }

            name = line[..space];
            rest = space;
        }

        var parts = line[rest..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !TryParseValue(parts[0], out var number))
        {
            return false;
        }

        sample = new PrometheusSample(name, labels, number);
        return true;
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
