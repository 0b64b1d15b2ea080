using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hokm.Game.Bots;
using Hokm.Game.Records;
using Hokm.Game.Rules;
using Hokm.Game.Shuffling;

namespace Hokm.Cli.Simulation;

/// <summary>
/// Plays bot games and writes one hokm-record/1 per line. Game i (0-based) gets the seed <c>S-i</c>
/// (docs/shuffle.md), so any line can be replayed on its own.
/// </summary>
internal static class Simulator
{
    public static SimulationSummary Run(SimulationSettings settings, Stream output, TextWriter progress)
    {
        var options = new GameOptions { TargetScore = settings.TargetScore };
        var clock = Stopwatch.StartNew();
        long hands = 0;
        var step = settings.Games >= 1000 ? settings.Games / 10 : int.MaxValue;

        // Serialize into memory and copy: Utf8JsonWriter.Flush on a stream also flushes the stream,
        // which would turn every record into a write system call.
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var json = new Utf8JsonWriter(buffer);
        for (var i = 0; i < settings.Games; i++)
        {
            var seed = HokmShuffle.SimulatorSeed(settings.Seed, i);
            var bots = BotMatch.CreateBots(settings.Bots, seed);
            var builder = new GameRecordBuilder("sim-" + seed, seed, settings.TargetScore, Players(bots));
            hands += BotMatch.Play(seed, options, bots, builder.Add).Hands;

            JsonSerializer.Serialize(json, builder.Build(), GameRecordJsonContext.Default.GameRecord);
            json.Flush();
            buffer.Write("\n"u8);
            output.Write(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
            json.Reset();

            if ((i + 1) % step == 0 && i + 1 < settings.Games)
            {
                progress.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"simulate: {(i + 1) * 100L / settings.Games}% ({i + 1}/{settings.Games} games, {clock.Elapsed.TotalSeconds:F1} s)"));
            }
        }

        output.Flush();
        return new SimulationSummary(settings.Games, hands, clock.Elapsed);
    }

    private static RecordPlayer[] Players(IHokmBot[] bots)
    {
        var players = new RecordPlayer[bots.Length];
        for (var seat = 0; seat < bots.Length; seat++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"bot-{seat}");
            players[seat] = new RecordPlayer(seat, id, string.Create(CultureInfo.InvariantCulture, $"{bots[seat].Name} {seat}"), true);
        }

        return players;
    }
}
