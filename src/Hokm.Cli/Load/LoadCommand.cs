using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Hokm.Cli.Load;

/// <summary>
/// <c>hokm load --url ws://127.0.0.1:PORT/ws --games N --think-ms T --duration S --ramp S [--json FILE] [--chaos P] [--target 1..7] [--no-progress]</c>.
/// </summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Server WebSocket URL on this machine (ws://127.0.0.1:PORT/ws; loopback only).", Required = true };
        var games = new Option<int>("--games", "-n") { Description = "Concurrent games (tables of four bot clients).", Required = true };
        var think = new Option<int>("--think-ms") { Description = "Bot think time before each move, in ms (0 = saturation).", DefaultValueFactory = _ => 1000 };
        var duration = new Option<double>("--duration") { Description = "Hard stop of the load, in seconds (verification follows).", Required = true };
        var ramp = new Option<double>("--ramp") { Description = "Seconds over which the tables start.", DefaultValueFactory = _ => 0 };
        var json = new Option<string?>("--json") { Description = "Write every number of the report to this JSON file." };
        var chaos = new Option<double>("--chaos") { Description = "Share (0..1) of sockets dropped once per game and reconnected with the same token.", DefaultValueFactory = _ => 0 };
        var target = new Option<int>("--target") { Description = "Points that win a game, 1..7.", DefaultValueFactory = _ => 7 };
        var noProgress = new Option<bool>("--no-progress") { Description = "No live display (also off when output is redirected)." };

        var command = new Command("load", "Play bot games against a running server over real WebSockets, measure, then verify every finished game's record.")
        {
            url, games, think, duration, ramp, json, chaos, target, noProgress,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (settings, errors) = LoadSettings.Create(
                parse.GetRequiredValue(url),
                parse.GetValue(games),
                parse.GetValue(think),
                parse.GetValue(duration),
                parse.GetValue(ramp),
                parse.GetValue(json),
                parse.GetValue(chaos),
                parse.GetValue(target),
                !parse.GetValue(noProgress) && !Console.IsOutputRedirected);
            if (settings is null)
            {
                foreach (var error in errors)
                {
                    await Console.Error.WriteLineAsync($"error: {error}");
                }

                return 2;
            }

            return await RunAsync(settings, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        var runner = new LoadRunner(settings, TimeProvider.System);
        LoadReport report;
        if (settings.Progress)
        {
            LoadReport? result = null;
            await AnsiConsole.Live(new Markup("starting…")).StartAsync(async live =>
            {
                var gate = new Lock();
                result = await runner.RunAsync(
                    p =>
                    {
                        lock (gate)
                        {
                            live.UpdateTarget(LoadReportView.Progress(p));
                        }
                    },
                    cancellationToken);
            });
            report = result!;
        }
        else
        {
            var lastLine = TimeSpan.Zero;
            report = await runner.RunAsync(
                p =>
                {
                    if (p.Elapsed - lastLine >= TimeSpan.FromSeconds(10) || p.Phase != "running")
                    {
                        lastLine = p.Elapsed;
                        Console.Error.WriteLine(LoadReportView.ProgressLine(p));
                    }
                },
                cancellationToken);
        }

        LoadReportView.Write(AnsiConsole.Console, report);
        if (settings.JsonPath is { } path)
        {
            try
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, LoadJsonContext.Default.LoadReport), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"error: cannot write '{path}': {ex.Message}");
                return 2;
            }
        }

        return report.Passed ? 0 : 1;
    }
}
