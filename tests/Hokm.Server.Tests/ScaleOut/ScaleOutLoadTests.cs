using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Hokm.Server.Tests.ScaleOut;

/// <summary>
/// The real <c>hokm load</c> (the built command line, as a separate process) against nginx in front
/// of three nodes (docs/scaling.md, "Load through nginx"): its report must show the same error-free
/// verification as against one node, and the games must have been played on more than one node.
/// Small and bounded: short games (target 1), a 20 s hard stop, every wait limited, every process killed.
/// </summary>
public sealed class ScaleOutLoadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LoadDeadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task The_load_command_through_nginx_finishes_games_on_several_nodes_and_verifies_every_one_with_no_errors()
    {
        var (report, nodeMoves) = await RunLoadAsync(chaos: 0);

        AssertErrorFree(report);
        AssertSpreadOverNodes(report, nodeMoves);
    }

    [Fact]
    public async Task Sockets_dropped_by_the_load_command_reconnect_through_nginx_and_every_game_still_verifies_with_no_errors()
    {
        var (report, nodeMoves) = await RunLoadAsync(chaos: 0.25);

        AssertErrorFree(report);
        Assert.True(report.GetProperty("reconnects").GetInt64() > 0, "no socket was dropped and reconnected");
        AssertSpreadOverNodes(report, nodeMoves);
    }

    private static void AssertErrorFree(JsonElement report)
    {
        var finished = report.GetProperty("gamesFinished").GetInt64();
        Assert.True(finished > 0, "no game finished");
        Assert.Equal(finished, report.GetProperty("gamesVerified").GetInt64());
        Assert.Empty(report.GetProperty("errors").EnumerateObject());
        Assert.Empty(report.GetProperty("failures").EnumerateArray());
        Assert.Equal(report.GetProperty("moves").GetInt64(), report.GetProperty("moveRoundTripMs").GetProperty("count").GetInt64());
    }

    /// <summary>Moves were committed on at least two nodes, and the nodes together committed at least every move the bots saw confirmed.</summary>
    private static void AssertSpreadOverNodes(JsonElement report, IReadOnlyDictionary<string, double> nodeMoves)
    {
        var summary = string.Join(", ", nodeMoves.Select(static n => $"{n.Key}: {n.Value}"));
        Assert.True(nodeMoves.Count(static n => n.Value > 0) >= 2, $"the games were played on fewer than two nodes ({summary})");
        Assert.True(nodeMoves.Values.Sum() >= report.GetProperty("moves").GetInt64(), $"the nodes committed fewer moves than the load command saw ({summary})");
    }

    private async Task<(JsonElement Report, IReadOnlyDictionary<string, double> NodeMoves)> RunLoadAsync(double chaos)
    {
        // A long lease and turn limit: on a loaded machine no late renewal may hand a room over, and no
        // slow bot may be played for (either would be an error the load command reports).
        await using var cluster = await ScaleOutCluster.StartAsync(nodes: 3, new Dictionary<string, string?>
        {
            ["Hokm:Cluster:LeaseTime"] = "00:00:15",
            ["Hokm:Rooms:TurnTimeout"] = "00:02:00",
            ["Hokm:Auth:RateLimit:Enabled"] = "false",
            ["Hokm:Connections:MessagesPerSecond"] = "1000",
            ["Hokm:Connections:Burst"] = "1000",
            ["Hokm:Rooms:HandPause"] = "00:00:00",
            ["Serilog:MinimumLevel:Override:Hokm.Server.Rooms"] = "Warning",
        });
        var json = Path.Combine(Path.GetTempPath(), $"hokm-scaleout-load-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, text) = await RunCliAsync(
                ["load", "--url", cluster.Front.WebSocketUri.ToString(), "--games", "12", "--think-ms", "20", "--duration", "20", "--ramp", "2",
                 "--target", "1", "--chaos", chaos.ToString(CultureInfo.InvariantCulture), "--no-progress", "--json", json]);
            output.WriteLine(text);
            Assert.True(File.Exists(json), $"hokm load exited with {exitCode} and wrote no report:{Environment.NewLine}{text}");
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var report = document.RootElement.Clone();
            Assert.True(exitCode == 0, $"hokm load exited with {exitCode}:{Environment.NewLine}{text}");

            var nodeMoves = new Dictionary<string, double>();
            foreach (var node in cluster.Nodes)
            {
                nodeMoves[node.NodeId] = Moves(await node.GetAsync("/metrics"));
            }

            output.WriteLine(string.Join(", ", nodeMoves.Select(static n => $"{n.Key} committed {n.Value} moves")));
            return (report, nodeMoves);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(cluster.Diagnostics(), ex);
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>Runs the built command line; kills it (and anything it started) if it overruns <see cref="LoadDeadline"/>.</summary>
    private static async Task<(int ExitCode, string Output)> RunCliAsync(IEnumerable<string> arguments)
    {
        var start = NodeProcess.DotnetStartInfo(NodeProcess.CliAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        var text = new StringBuilder();
        var gate = new Lock();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    text.AppendLine(line);
                }
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(LoadDeadline);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            lock (gate)
            {
                throw new InvalidOperationException($"hokm load did not end within {LoadDeadline}:{Environment.NewLine}{text}");
            }
        }

        // WaitForExitAsync returns once the process has exited and both redirected streams have been read to their end.
        lock (gate)
        {
            return (process.ExitCode, text.ToString());
        }
    }

    /// <summary>The node's <c>hokm_moves_total</c> over all its labels (Prometheus text: name, labels, value, optional timestamp).</summary>
    private static double Moves(string metrics) =>
        metrics.Split('\n')
            .Where(static l => l.StartsWith("hokm_moves_total{", StringComparison.Ordinal) || l.StartsWith("hokm_moves_total ", StringComparison.Ordinal))
            .Select(static l => (l.Contains('}', StringComparison.Ordinal) ? l[(l.LastIndexOf('}') + 1)..] : l["hokm_moves_total".Length..]).Trim().Split(' ')[0])
            .Sum(static v => double.Parse(v, CultureInfo.InvariantCulture));
}
