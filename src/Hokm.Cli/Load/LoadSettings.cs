using System.Globalization;

namespace Hokm.Cli.Load;

/// <summary>A validated load run: where, how many games, how fast the bots think and how long it lasts.</summary>
internal sealed record LoadSettings(
    Uri WebSocketUrl,
    int Games,
    TimeSpan Think,
    TimeSpan Duration,
    TimeSpan Ramp,
    string? JsonPath,
    double Chaos,
    int TargetScore,
    bool Progress)
{
    public const int MaxGames = 20_000;

    /// <summary>http(s)://host:port/ for the HTTP API, derived from the ws(s) URL.</summary>
    public Uri HttpBase => new UriBuilder(WebSocketUrl)
    {
        Scheme = WebSocketUrl.Scheme == "wss" ? "https" : "http",
        Path = "/",
        Query = string.Empty,
    }.Uri;

    /// <summary>Checks the raw values; returns the settings or the reasons they are refused.</summary>
    public static (LoadSettings? Settings, IReadOnlyList<string> Errors) Create(
        string url,
        int games,
        int thinkMs,
        double durationSeconds,
        double rampSeconds,
        string? jsonPath,
        double chaos,
        int targetScore,
        bool progress)
    {
        var errors = new List<string>();
        Uri? uri = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("ws" or "wss"))
        {
            errors.Add($"--url must be an absolute ws:// or wss:// URL, got '{url}'.");
        }
        else if (!LoopbackRule.IsLoopback(parsed))
        {
            errors.Add($"--url host '{parsed.Host}' is not loopback: the load tool only targets 127.0.0.0/8, ::1 or localhost.");
        }
        else
        {
            uri = parsed.AbsolutePath is "/" or "" ? new UriBuilder(parsed) { Path = "/ws" }.Uri : parsed;
        }

        if (games is < 1 or > MaxGames)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--games must be 1..{MaxGames}."));
        }

        if (thinkMs is < 0 or > 60_000)
        {
            errors.Add("--think-ms must be 0..60000.");
        }

        if (!(durationSeconds > 0 && durationSeconds <= 86_400))
        {
            errors.Add("--duration must be more than 0 and at most 86400 seconds.");
        }

        if (!(rampSeconds >= 0 && rampSeconds <= 3_600))
        {
            errors.Add("--ramp must be 0..3600 seconds.");
        }
        else if (rampSeconds >= durationSeconds)
        {
            errors.Add("--ramp must be shorter than --duration.");
        }

        if (!(chaos >= 0 && chaos <= 1))
        {
            errors.Add("--chaos must be 0..1.");
        }

        if (targetScore is < 1 or > 7)
        {
            errors.Add("--target must be 1..7.");
        }

        if (jsonPath is not null && string.IsNullOrWhiteSpace(jsonPath))
        {
            errors.Add("--json must name a file.");
        }

        if (errors.Count > 0 || uri is null)
        {
            return (null, errors);
        }

        return (new LoadSettings(
            uri,
            games,
            TimeSpan.FromMilliseconds(thinkMs),
            TimeSpan.FromSeconds(durationSeconds),
            TimeSpan.FromSeconds(rampSeconds),
            jsonPath,
            chaos,
            targetScore,
            progress), errors);
    }
}
