using System.Globalization;
using System.Text.Json;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hokm.Data.Sample;

/// <summary>
/// The guide's <c>examples/hybrid_integration_example.py</c>: create a game session, play moves in
/// each write mode, complete the game, print the metrics. Returns 0 when every step checked out.
/// </summary>
public static class IntegrationExample
{
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHokmData(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);

        var data = host.Services.GetRequiredService<IHybridDataLayer>();
        var room = "SAMPLE" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var gameId = Guid.NewGuid().ToString("N");
        var players = Enumerable.Range(0, 4).Select(s => new SeatAssignment(s, $"Bot {s}", Bot: true)).ToList();
        var started = new GameStarted(gameId, room, DateTimeOffset.UnixEpoch, 1, new string('0', 64), players);

        // 1. Create a game session (write-behind: Redis now, PostgreSQL from the outbox).
        var version = (await data.CreateGameSessionAsync(room, """{"phase":"playing"}""", [OutboxEvents.GameStarted(started)], cancellationToken)).Version;
        await output.WriteLineAsync($"created {room} at version {version}");

        // 2. Moves, one commit each: state and event in one atomic Redis step.
        var seq = 0L;
        for (var trick = 1; trick <= 3; trick++)
        {
            for (var seat = 0; seat < 4; seat++)
            {
                seq++;
                var move = new MoveRecorded(gameId, seq, 1, trick, seat, MoveKind.Play, false, DateTimeOffset.UnixEpoch.AddSeconds(seq), Card: Card(seq));
                var result = await data.ExecutePlayerMoveAsync(room, version, $$"""{"phase":"playing","moves":{{seq}}}""", [OutboxEvents.Move(move)], cancellationToken);
                version = result.Version;
            }
        }

        await output.WriteLineAsync($"write-behind: {seq} moves, version {version}");

        // 3. Write-through: PostgreSQL first, then Redis.
        seq++;
        var through = await data.CommitAsync(room, version, """{"phase":"hand_over"}""", [OutboxEvents.Move(new MoveRecorded(gameId, seq, 1, 4, 0, MoveKind.Play, false, DateTimeOffset.UnixEpoch.AddSeconds(seq), Card: Card(seq)))], WriteMode.WriteThrough, cancellationToken);
        version = through.Version;
        await output.WriteLineAsync($"write-through: version {version}");

        // 4. Eventual: an action log entry, never cached, drained at low priority.
        await using (var eventual = await data.BeginTransactionAsync(WriteMode.Eventual, cancellationToken))
        {
            eventual.QueueSyncTask(OutboxEvents.Action(new ActionRecorded(Guid.NewGuid(), "sample", JsonDocument.Parse("""{"note":"eventual"}""").RootElement, DateTimeOffset.UnixEpoch)), SyncPriority.Low);
            await eventual.CommitAsync(cancellationToken);
        }

        await output.WriteLineAsync("eventual: action queued");

        // 5. Complete the game: written through (game, hands, statistics).
        var games = host.Services.GetRequiredService<IGameStore>();
        var hand = new HandCompleted(gameId, 1, 0, "S", false, 7, 0, TeamSide.A, 2, KotKind.Kot);
        await games.CompleteGameAsync(new GameCompletion(started, DateTimeOffset.UnixEpoch.AddMinutes(5), TeamSide.A, 2, 0, "sample-seed", [hand]), cancellationToken);
        await output.WriteLineAsync($"completed game {gameId}");

        // 6. Stop: the worker flushes every outbox to PostgreSQL before the host ends.
        await host.StopAsync(cancellationToken);

        var metrics = await data.GetPerformanceMetricsAsync(cancellationToken);
        var health = await data.HealthCheckAsync(cancellationToken);
        var depth = await data.Outbox.GetDepthAsync(room, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"metrics: redis ops/s {metrics.RedisOpsPerSecond:0.0}, mean commit {metrics.RedisMeanCommitMilliseconds:0.00} ms, postgres mean batch {metrics.PostgresAverageQueryMilliseconds:0.00} ms, sync queue depth {metrics.SyncQueueDepth}, error rate {metrics.ErrorRatePercent:0.0}%"));
        await output.WriteLineAsync($"health: redis {health.Redis.Status}, postgresql {health.Postgresql.Status}, outbox left {depth}");
        await output.WriteLineAsync($"game {gameId} moves {seq}");
        return depth == 0 && health.Postgresql.Status != Health.HealthStatus.Unhealthy ? 0 : 1;
    }

    private static string Card(long seq) => $"{"23456789TJQKA"[(int)(seq % 13)]}S".Replace("T", "10", StringComparison.Ordinal);
}
