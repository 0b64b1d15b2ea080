using System.Text;
using Hokm.Audit;
using Hokm.Cli.Auditing;
using Hokm.Cli.Simulation;
using Hokm.Game.Bots;
using Hokm.Game.Records;
using Hokm.Game.Rules;

namespace Hokm.Cli.Tests;

/// <summary>
/// The engine and the independent auditor (written apart, from the public rules only) cross-check
/// each other: whatever the simulator writes, the auditor must find fully valid.
/// </summary>
public sealed class SimulateAndAuditTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hokm-cli-");

    [Fact]
    public void Simulate_2000_games_with_seed_42_writes_2000_records_the_auditor_finds_fully_valid()
    {
        var path = Path.Combine(_folder.FullName, "games.jsonl");
        using (var output = File.Create(path))
        {
            var summary = Simulator.Run(new SimulationSettings(2000, "42", path, BotLineup.Heuristic, 7), output, TextWriter.Null);
            Assert.Equal(2000, summary.Games);
        }

        var audit = RecordAuditor.AuditJsonLines(new StringReader(File.ReadAllText(path)));

        Assert.Equal(2000, audit.Games);
        Assert.Empty(audit.Violations);
        Assert.Equal(2000, File.ReadLines(path).Count(l => l.Length > 0));
    }

    [Theory]
    [InlineData(BotLineup.Random, 1)]
    [InlineData(BotLineup.Mixed, 3)]
    [InlineData(BotLineup.Heuristic, 7)]
    public void Every_bot_lineup_and_target_produces_valid_records(BotLineup bots, int target)
    {
        var path = Path.Combine(_folder.FullName, $"{bots}-{target}.jsonl");
        using (var output = File.Create(path))
        {
            Simulator.Run(new SimulationSettings(300, $"lineup-{bots}", path, bots, target), output, TextWriter.Null);
        }

        var audit = RecordAuditor.AuditJsonLines(new StringReader(File.ReadAllText(path)));

        Assert.Equal(300, audit.Games);
        Assert.Empty(audit.Violations);
    }

    [Fact]
    public void Automatic_trump_choices_of_the_engine_agree_with_the_auditor_over_thousands_of_hands()
    {
        // Every hand's trump is chosen by the timeout rule, so the two implementations of
        // "longest suit, ties by highest card" meet on thousands of different first fives.
        var violations = new List<AuditViolation>();
        var hands = 0;
        for (var i = 0; i < 300; i++)
        {
            var seed = $"auto-{i}";
            var (game, events) = HokmGame.Create(seed);
            var players = Enumerable.Range(0, 4).Select(s => new RecordPlayer(s, $"bot-{s}", $"Bot {s}", true)).ToList();
            var record = new GameRecordBuilder($"auto-{i}", seed, 7, players);
            record.AddRange(events);
            var bot = HeuristicBot.Instance;
            for (var step = 0; step < 10_000 && game.Phase != GamePhase.GameOver; step++)
            {
                var result = game.Phase switch
                {
                    GamePhase.ChoosingTrump => game.ChooseTrumpAutomatically(),
                    GamePhase.HandOver => game.StartNextHand(),
                    _ => game.Apply(BotDriver.ChooseMove(game, bot)!),
                };
                Assert.True(result.IsAccepted);
                record.AddRange(result.Events);
                hands += game.Phase == GamePhase.ChoosingTrump ? 1 : 0;
            }

            violations.AddRange(RecordAuditor.AuditRecord(record.Build().ToJson(), i + 1));
        }

        Assert.True(hands > 1000, $"only {hands} hands");
        Assert.Empty(violations);
    }

    [Fact]
    public void Audit_command_prints_the_count_line_and_exits_1_when_a_record_is_broken()
    {
        var path = Path.Combine(_folder.FullName, "broken.jsonl");
        using (var output = File.Create(path))
        {
            Simulator.Run(new SimulationSettings(3, "broken", path, BotLineup.Heuristic, 1), output, TextWriter.Null);
        }

        var lines = File.ReadAllLines(path);
        lines[1] = lines[1].Replace("\"points\":1", "\"points\":2", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = AuditCommand.Run(path, stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("3 games audited, 1 violations", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 2", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_command_exits_2_for_a_missing_file()
    {
        var stderr = new StringWriter();

        var exit = AuditCommand.Run(Path.Combine(_folder.FullName, "missing.jsonl"), new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.NotEmpty(stderr.ToString());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
