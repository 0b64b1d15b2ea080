using System.CommandLine;
using System.Globalization;
using Hokm.Game.Bots;
using Hokm.Game.Rules;

namespace Hokm.Cli.Simulation;

/// <summary><c>hokm simulate --games N --seed S --out FILE [--bots heuristic|random|mixed] [--target 1..7]</c>.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var games = new Option<int>("--games", "-n")
        {
            Description = "Number of games to play (at least 1).",
            Required = true,
        };
        games.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--games must be at least 1.");
            }
        });

        var seed = new Option<string>("--seed", "-s")
        {
            Description = "Base seed; game i is dealt from the seed \"S-i\".",
            Required = true,
        };
        seed.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--seed must not be empty.");
            }
        });

        var output = new Option<string>("--out", "-o")
        {
            Description = "File to write, one JSON record per line (\"-\" for standard output).",
            Required = true,
        };

        var bots = new Option<string>("--bots")
        {
            Description = "heuristic (default), random, or mixed (heuristic team A against random team B).",
            DefaultValueFactory = _ => "heuristic",
        };
        bots.AcceptOnlyFromAmong("heuristic", "random", "mixed");

        var target = new Option<int>("--target")
        {
            Description = "Points that win a game, 1..7 (default 7).",
            DefaultValueFactory = _ => GameOptions.MaxTargetScore,
        };
        target.Validators.Add(result =>
        {
            if (!GameOptions.IsValidTargetScore(result.GetValueOrDefault<int>()))
            {
                result.AddError($"--target must be {GameOptions.MinTargetScore}..{GameOptions.MaxTargetScore}.");
            }
        });

        var command = new Command("simulate", "Play offline bot games and write their game records as JSON Lines.")
        {
            games, seed, output, bots, target,
        };
        command.SetAction(parse => Run(new SimulationSettings(
            parse.GetValue(games),
            parse.GetRequiredValue(seed),
            parse.GetRequiredValue(output),
            Enum.Parse<BotLineup>(parse.GetRequiredValue(bots), ignoreCase: true),
            parse.GetValue(target))));
        return command;
    }

    private static int Run(SimulationSettings settings)
    {
        var toStdout = settings.OutputPath == "-";
        var report = toStdout ? Console.Error : Console.Out;
        SimulationSummary summary;
        try
        {
            using var stream = toStdout
                ? Console.OpenStandardOutput()
                : new FileStream(settings.OutputPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            summary = Simulator.Run(settings, stream, Console.Error);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write '{settings.OutputPath}': {ex.Message}");
            return 2;
        }

        report.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{summary.Games} games, {summary.Hands} hands, {summary.Elapsed.TotalSeconds:F2} s, {summary.GamesPerSecond:F0} games/s"));
        return 0;
    }
}
