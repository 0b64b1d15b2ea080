using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hokm.Cli.Load;

/// <summary>Renders the live progress and the final report with Spectre.Console.</summary>
internal static class LoadReportView
{
    public static IRenderable Progress(LoadProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("phase", Markup.Escape(p.Phase));
        grid.AddRow("elapsed", F($"{p.Elapsed.TotalSeconds:F0} s"));
        grid.AddRow("tables started", F($"{p.TablesStarted}"));
        grid.AddRow("sockets open", F($"{p.SocketsOpen}"));
        grid.AddRow("games started / finished", F($"{p.GamesStarted} / {p.GamesFinished}"));
        grid.AddRow("moves (per s)", F($"{p.Moves} ({p.MovesPerSecond:F0})"));
        grid.AddRow("move round trip p99", F($"{p.MoveP99Ms:F2} ms"));
        grid.AddRow("errors", p.Errors == 0 ? "0" : F($"[red]{p.Errors}[/]"));
        grid.AddRow("reconnects", F($"{p.Reconnects}"));
        grid.AddRow("games verified", F($"{p.Verified}"));
        return new Panel(grid).Header("hokm load");
    }

    public static string ProgressLine(LoadProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return F($"[{p.Elapsed.TotalSeconds:F0}s] {p.Phase}: sockets {p.SocketsOpen}, games {p.GamesStarted}/{p.GamesFinished}, moves {p.Moves} ({p.MovesPerSecond:F0}/s), p99 {p.MoveP99Ms:F2} ms, errors {p.Errors}, reconnects {p.Reconnects}, verified {p.Verified}");
    }

    public static void Write(IAnsiConsole console, LoadReport r)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(r);
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.Title = new TableTitle(F($"hokm load: {r.Games} games, think {r.ThinkMs} ms, {r.ElapsedSeconds:F1} s, {r.ProcessorCount} cores"));
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("sockets (peak)", F($"{r.SocketsPeak}"));
        Row("connect ms p50/p95/p99", F($"{r.ConnectMs.P50:F2} / {r.ConnectMs.P95:F2} / {r.ConnectMs.P99:F2}"));
        Row("move round trip ms p50/p95/p99/max", F($"{r.MoveRoundTripMs.P50:F2} / {r.MoveRoundTripMs.P95:F2} / {r.MoveRoundTripMs.P99:F2} / {r.MoveRoundTripMs.Max:F2}"));
        Row("moves (samples)", F($"{r.Moves} ({r.MoveRoundTripMs.Count})"));
        Row("moves/s (mean, peak 1 s)", F($"{r.MovesPerSecond:F0}, {r.PeakMovesPerSecond:F0}"));
        Row("games started / finished / verified", F($"{r.GamesStarted} / {r.GamesFinished} / {r.GamesVerified}"));
        Row("reconnects", F($"{r.Reconnects}"));
        Row("errors", r.Errors.Count == 0 ? "none" : string.Join(", ", r.Errors.Select(static e => F($"{e.Key} {e.Value}"))));
        var s = r.Server;
        Row("server sync lag ms p50/p99/max", s.SyncLagMs is { } lag ? F($"{lag.P50:F0} / {lag.P99:F0} / {lag.Max:F0} ({lag.Count} samples)") : "not reported");
        Row("server memory baseline / peak", s.MemoryPeakBytes is { } peak ? F($"{Mb(s.MemoryBaselineBytes)} / {Mb(peak)}") : "not reported");
        Row("server memory per player", s.BytesPerPlayer is { } per ? F($"{per / 1024:F1} KB ({Mb(s.MemoryAtMostPlayersBytes)} at {s.MostPlayers:F0} players)") : "not reported");
        Row("server GC heap peak", s.GcHeapPeakBytes is { } heap ? Mb(heap) : "not reported");
        Row("failures", F($"{r.Failures.Count}"));
        console.Write(table);
        foreach (var failure in r.Failures.Take(20))
        {
            console.MarkupLine(F($"[red]failure:[/] {Markup.Escape(failure)}"));
        }

        if (r.Failures.Count > 20)
        {
            console.MarkupLine(F($"[red]… and {r.Failures.Count - 20} more failures[/]"));
        }
    }

    private static string Mb(double? bytes) => bytes is { } b ? F($"{b / (1024 * 1024):F1} MB") : "?";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
