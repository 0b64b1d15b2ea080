using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Hokm.Benchmarks.Live;
using Hokm.Benchmarks.Persistence;
using Hokm.Data.Persistence;
using Hokm.Data.Stats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hokm.Benchmarks.Stats;

/// <summary>
/// Leaderboards and reports at scale, on a real PostgreSQL and Redis on loopback: 100,000 finished
/// games (<c>HOKM_BENCH_STATS_GAMES</c> to change) among 1,000 players over the past year, about
/// 900,000 hands, bulk-loaded by SQL (the write path is measured elsewhere), then the game-pattern
/// rollup filled by the statements of the PatternDaily migration's backfill. The setup also prints
/// latency percentiles measured over many calls (BenchmarkDotNet reports no p99) and the EXPLAIN
/// plans of the report queries. Run:
/// <c>dotnet run -c Release --project benchmarks/Hokm.Benchmarks -- --filter '*StatsScale*' --job Dry</c>
/// for the printed measurements only, or without <c>--job Dry</c> for full statistics.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class StatsScaleBenchmarks
{
    private static readonly DateTimeOffset End = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private LocalPostgresServer _postgres = null!;
    private LocalRedisServer _redis = null!;
    private ServiceProvider _services = null!;
    private IHokmStats _stats = null!;
    private string _connection = null!;

    [GlobalSetup]
    public void Setup()
    {
        var games = int.Parse(Environment.GetEnvironmentVariable("HOKM_BENCH_STATS_GAMES") ?? "100000", CultureInfo.InvariantCulture);
        _postgres = LocalPostgresServer.Start();
        _redis = LocalRedisServer.Start();
        _connection = _postgres.CreateDatabase("hokm_stats_bench");
        // SSD storage (docs/performance.md): index probes cost about as much as sequential reads.
        Execute("ALTER DATABASE hokm_stats_bench SET random_page_cost = 1.1");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _connection,
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["HokmData:KeyPrefix"] = "bench:",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddHokmData(configuration).BuildServiceProvider();
        _services.GetRequiredService<PersistenceMigrator>().MigrateAsync().GetAwaiter().GetResult();
        _stats = _services.GetRequiredService<IHokmStats>();

        var load = Stopwatch.StartNew();
        Execute(StatsScaleData.Script(games, End));
        Console.WriteLine($"// stats-scale: loaded {games:N0} games, {Scalar("SELECT count(*) FROM hands"):N0} hands, {Scalar("SELECT count(*) FROM player_stats"):N0} rated players in {load.Elapsed.TotalSeconds:F1} s");

        // The game-pattern rollup, built the way the PatternDaily migration backfills an existing database.
        var backfill = Stopwatch.StartNew();
        foreach (var statement in PatternRollup.Statements(PersistenceProvider.PostgreSql, "g.status = 'finished'"))
        {
            Execute(statement);
        }

        Console.WriteLine($"// stats-scale: rollup backfilled in {backfill.Elapsed.TotalSeconds:F1} s: {Scalar("SELECT count(*) FROM pattern_daily_hands"):N0} pattern_daily_hands rows, {Scalar("SELECT count(*) FROM pattern_daily_games"):N0} pattern_daily_games rows");
        Execute("VACUUM ANALYZE");

        // On a shared machine the bulk load itself lifts the load average; HOKM_BENCH_STATS_SETTLE_SECONDS
        // (default 0, at most 600) waits before measuring so the printed load is mostly other processes'.
        var settle = Math.Clamp(int.Parse(Environment.GetEnvironmentVariable("HOKM_BENCH_STATS_SETTLE_SECONDS") ?? "0", CultureInfo.InvariantCulture), 0, 600);
        Thread.Sleep(TimeSpan.FromSeconds(settle));
        Measure();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _redis.Dispose();
        _postgres.Dispose();
    }

    [Benchmark]
    public Task<Leaderboard> CachedTop50() => _stats.GetLeaderboardAsync(LeaderboardType.Global, 50);

    [Benchmark]
    public async Task<Leaderboard> ColdRebuildWeekly()
    {
        await _stats.InvalidateLeaderboardsAsync();
        return await _stats.GetLeaderboardAsync(LeaderboardType.Weekly, 50);
    }

    [Benchmark]
    public Task<PlayerPerformanceReport> PlayerYearReport() => _stats.GeneratePlayerPerformanceReportAsync("p0042", End.AddDays(-365), End);

    [Benchmark]
    public Task<GamePatterns> PatternsOverEverything() => _stats.AnalyzeGamePatternsAsync(new GamePatternFilters());

    [Benchmark]
    public Task<GamePatterns> PatternsOverEverythingScanned() => ((HokmStats)_stats).ScanGamePatternsAsync(new GamePatternFilters());

    private void Measure()
    {
        // Cached reads: the board is built once, then read 5,000 times.
        _stats.GetLeaderboardAsync(LeaderboardType.Global, 50).GetAwaiter().GetResult();
        Print("cached global top-50", 5000, () => _stats.GetLeaderboardAsync(LeaderboardType.Global, 50));
        foreach (var type in Enum.GetValues<LeaderboardType>())
        {
            Print($"cold rebuild {type.ToString().ToLowerInvariant()} + top-50", 20, async () =>
            {
                await _stats.InvalidateLeaderboardsAsync();
                return await _stats.GetLeaderboardAsync(type, 50);
            });
        }

        Print("player year report", 30, () => _stats.GeneratePlayerPerformanceReportAsync("p0042", End.AddDays(-365), End));

        // Game patterns: each case through the rollup where its filters allow, checked against the scan.
        var scan = (HokmStats)_stats;
        (string Name, GamePatternFilters Filters)[] cases =
        [
            ("all games (rollup)", new GamePatternFilters()),
            ("all games, no bots (rollup)", new GamePatternFilters(IncludeBots: false)),
            ("last 30 days, aligned (rollup)", new GamePatternFilters(End.AddDays(-30), End)),
            ("last 30 days, 07:00 to 19:00 (rollup + 2 edge days scanned)", new GamePatternFilters(End.AddDays(-30).AddHours(7), End.AddHours(-5))),
            ("one afternoon (scan)", new GamePatternFilters(End.AddDays(-3).AddHours(12), End.AddDays(-3).AddHours(18))),
            ("last 30 days, no bots, rating >= 1500 (scan)", new GamePatternFilters(End.AddDays(-30), End, true, 1500, false)),
            ("all games, finished or not (scan)", new GamePatternFilters(CompletedOnly: false)),
        ];
        foreach (var (name, filters) in cases)
        {
            Print($"patterns, {name}", 30, () => _stats.AnalyzeGamePatternsAsync(filters));
            var same = JsonSerializer.Serialize(_stats.AnalyzeGamePatternsAsync(filters).GetAwaiter().GetResult())
                == JsonSerializer.Serialize(scan.ScanGamePatternsAsync(filters).GetAwaiter().GetResult());
            Console.WriteLine($"// stats-scale: patterns, {name}: equal to the scan: {same}");
        }

        Print("patterns, all games, scan forced (before the rollup)", 10, () => scan.ScanGamePatternsAsync(new GamePatternFilters()));

        // What the rollup adds to a completion: its two upserts for one finished game (rows of the same
        // day exist, so they update), in a transaction rolled back — against the same empty transaction.
        var game = 0;
        Print("completion's transaction, empty (baseline)", 200, () => RolledBack(null));
        Print("completion's transaction, rollup upserts of one game", 200, () => RolledBack($"g{99_000 + game++ % 1000:0000000}"));

        var from = End.AddDays(-365).ToString("O", CultureInfo.InvariantCulture);
        var to = End.ToString("O", CultureInfo.InvariantCulture);
        Explain("player report: games", $"""
            SELECT g.id, gp.seat, gp.team, g.winner, g.started_at, g.ended_at FROM game_players gp
            JOIN games g ON gp.game_id = g.id
            WHERE gp.player_id = 'p0042' AND g.status = 'finished' AND g.ended_at >= '{from}' AND g.ended_at < '{to}'
            """);
        Explain("player report: hands", $"""
            SELECT gp.seat, gp.team, h.hakem, h.trump, h.tricks_a, h.tricks_b, h.winner, h.kot FROM game_players gp
            JOIN games g ON gp.game_id = g.id JOIN hands h ON g.id = h.game_id
            WHERE gp.player_id = 'p0042' AND g.status = 'finished' AND g.ended_at >= '{from}' AND g.ended_at < '{to}'
            """);
        Explain("weekly board rebuild", $"""
            SELECT gp.player_id, count(*) FROM games g JOIN game_players gp ON g.id = gp.game_id
            WHERE g.status = 'finished' AND g.ended_at >= '{End.AddDays(-7):O}' AND g.ended_at < '{to}' AND gp.player_id IS NOT NULL AND gp.team = g.winner
            GROUP BY gp.player_id
            """);
        Explain("patterns rollup: hands, everything", """
            SELECT trump, sum(hands), sum(hakem_wins), sum(kots), sum(hakem_kots) FROM pattern_daily_hands GROUP BY trump
            """);
        Explain("patterns rollup: games, everything", """
            SELECT hand_count, duration_bucket, sum(games), sum(duration_ticks) FROM pattern_daily_games GROUP BY hand_count, duration_bucket
            """);
        Explain("patterns rollup: hands, last 30 days, no bots", $"""
            SELECT trump, sum(hands), sum(hakem_wins), sum(kots), sum(hakem_kots) FROM pattern_daily_hands
            WHERE day >= '{End.AddDays(-30):yyyy-MM-dd}' AND day < '{End:yyyy-MM-dd}' AND NOT has_bots GROUP BY trump
            """);
        Explain("patterns rollup: games, last 30 days, no bots", $"""
            SELECT hand_count, duration_bucket, sum(games), sum(duration_ticks) FROM pattern_daily_games
            WHERE day >= '{End.AddDays(-30):yyyy-MM-dd}' AND day < '{End:yyyy-MM-dd}' AND NOT has_bots GROUP BY hand_count, duration_bucket
            """);
        Explain("patterns edge day (07:00 to midnight): hands", $"""
            SELECT h.trump, (CASE WHEN h.hakem % 2 = 0 THEN 'A' ELSE 'B' END) = h.winner, h.kot, count(*) FROM hands h
            JOIN games g ON h.game_id = g.id
            WHERE g.status = 'finished' AND g.started_at >= '{End.AddDays(-30).AddHours(7):O}' AND g.started_at < '{End.AddDays(-29):O}'
            GROUP BY 1, 2, 3
            """);
        Explain("patterns: games and hand counts", $"""
            SELECT g.started_at, g.ended_at, (SELECT count(*) FROM hands h WHERE h.game_id = g.id) FROM games g
            WHERE g.status = 'finished' AND g.started_at >= '{End.AddDays(-30):O}' AND g.started_at < '{to}'
            """);
        Explain("patterns, last 30 days", $"""
            SELECT h.trump, (CASE WHEN h.hakem % 2 = 0 THEN 'A' ELSE 'B' END) = h.winner, h.kot, count(*) FROM hands h
            JOIN games g ON h.game_id = g.id
            WHERE g.status = 'finished' AND g.started_at >= '{End.AddDays(-30):O}' AND g.started_at < '{to}'
            GROUP BY 1, 2, 3
            """);
    }

    private static void Print<T>(string name, int runs, Func<Task<T>> call)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            call().GetAwaiter().GetResult();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        double At(double p) => times[Math.Min(runs - 1, (int)Math.Ceiling(p * runs) - 1)];

        // The machine is shared: each line carries the load average (1, 5, 15 min) when it was measured.
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        Console.WriteLine($"// stats-scale: {name}: n={runs} mean={times.Average():F3} ms p50={At(0.5):F3} ms p99={At(0.99):F3} ms max={times[^1]:F3} ms load={load}");
    }

    private async Task<bool> RolledBack(string? gameId)
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (gameId is not null)
        {
            await PatternRollup.AddGameAsync(connection, transaction, PersistenceProvider.PostgreSql, gameId, CancellationToken.None);
        }

        await transaction.RollbackAsync();
        return true;
    }

    private void Explain(string name, string sql)
    {
        using var connection = new NpgsqlConnection(_connection);
        connection.Open();
        using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql, connection);
        using var reader = command.ExecuteReader();
        Console.WriteLine($"// stats-scale: EXPLAIN {name}");
        while (reader.Read())
        {
            Console.WriteLine("//   " + reader.GetString(0));
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_connection);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(_connection);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
