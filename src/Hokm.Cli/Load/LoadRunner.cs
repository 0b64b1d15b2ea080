using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hokm.Cli.Load;

/// <summary>Runs the tables with a ramp until the hard stop, samples the server, then verifies every finished game.</summary>
internal sealed class LoadRunner(LoadSettings settings, TimeProvider time)
{
    private static readonly TimeSpan VerificationBudget = TimeSpan.FromMinutes(5);

    public async Task<LoadReport> RunAsync(Action<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var metrics = new LoadMetrics();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = settings.HttpBase, Timeout = TimeSpan.FromSeconds(30) };
        var context = new LoadContext(settings, metrics, time, http);
        var sampler = new ServerMetricsSampler(context);
        await sampler.BaselineAsync(cancellationToken);

        var finished = new ConcurrentQueue<FinishedGame>();
        using var stop = new CancellationTokenSource(settings.Duration, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var tablesStarted = 0;
        var peakRate = 0.0;
        var verifiedSoFar = 0;
        var phase = "running";

        void Report(double rate) => progress?.Invoke(new LoadProgress(
            phase, Stopwatch.GetElapsedTime(started), Volatile.Read(ref tablesStarted), metrics.SocketsOpen, metrics.GamesStarted,
            metrics.GamesFinished, metrics.Moves, rate, metrics.MoveRoundTrip.PercentileMs(99), metrics.ErrorCount, metrics.Reconnects,
            Volatile.Read(ref verifiedSoFar)));

        var sampling = sampler.RunAsync(TimeSpan.FromSeconds(2), linked.Token);
        var ticking = TickAsync();
        var tables = new List<Task>(settings.Games);
        try
        {
            for (var i = 0; i < settings.Games && !linked.IsCancellationRequested; i++)
            {
                var due = settings.Ramp * i / settings.Games;
                var wait = due - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, linked.Token);
                }

                var table = new GameTable(context, i, finished);
                tables.Add(Task.Run(() => table.RunAsync(linked.Token), CancellationToken.None));
                Interlocked.Increment(ref tablesStarted);
            }
        }
        catch (OperationCanceledException)
        {
            // The hard stop came during the ramp.
        }

        await Task.WhenAll(tables);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await linked.CancelAsync();
        await sampling;
        await sampler.SampleAsync(CancellationToken.None);
        phase = "verifying";
        Report(0);
        var games = finished.ToArray();
        var (verified, failures) = await new GameVerifier(context).VerifyAsync(
            games, VerificationBudget, n => Volatile.Write(ref verifiedSoFar, n), CancellationToken.None);
        await ticking;
        phase = "done";
        Report(0);

        var allFailures = failures.ToList();
        if (metrics.GamesFinished == 0)
        {
            allFailures.Insert(0, "no game finished within --duration");
        }

        return new LoadReport
        {
            Url = settings.WebSocketUrl.ToString(),
            Games = settings.Games,
            ThinkMs = (int)settings.Think.TotalMilliseconds,
            DurationSeconds = settings.Duration.TotalSeconds,
            RampSeconds = settings.Ramp.TotalSeconds,
            Chaos = settings.Chaos,
            TargetScore = settings.TargetScore,
            ProcessorCount = Environment.ProcessorCount,
            ElapsedSeconds = elapsed.TotalSeconds,
            SocketsPeak = metrics.SocketsPeak,
            ConnectMs = Percentiles.Of(metrics.Connect),
            MoveRoundTripMs = Percentiles.Of(metrics.MoveRoundTrip),
            Moves = metrics.Moves,
            MovesPerSecond = elapsed.TotalSeconds > 0 ? metrics.Moves / elapsed.TotalSeconds : 0,
            PeakMovesPerSecond = peakRate,
            GamesStarted = metrics.GamesStarted,
            GamesFinished = metrics.GamesFinished,
            GamesVerified = verified,
            Reconnects = metrics.Reconnects,
            Errors = new SortedDictionary<string, long>(metrics.Errors, StringComparer.Ordinal),
            Failures = allFailures,
            Server = sampler.Snapshot(),
        };

        async Task TickAsync()
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
            var lastMoves = 0L;
            var last = Stopwatch.GetTimestamp();
            try
            {
                while (await timer.WaitForNextTickAsync(linked.Token))
                {
                    var moves = metrics.Moves;
                    var seconds = Stopwatch.GetElapsedTime(last).TotalSeconds;
                    last = Stopwatch.GetTimestamp();
                    var rate = seconds > 0 ? (moves - lastMoves) / seconds : 0;
                    lastMoves = moves;
                    peakRate = Math.Max(peakRate, rate);
                    Report(rate);
                }
            }
            catch (OperationCanceledException)
            {
                // Ends with the run.
            }
        }
    }
}
