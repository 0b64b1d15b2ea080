using System.Collections.Concurrent;
using Hokm.Data.Live;
using Hokm.Server.Tests.Support;
using Xunit.Abstractions;

namespace Hokm.Server.Tests.ScaleOut;

/// <summary>
/// Several nodes behind nginx, as separate processes on the real Redis and PostgreSQL
/// (docs/scaling.md): tables whose players sit on different nodes, a node killed mid-game, a node
/// paused past its leases. Games are short (target 1) and every wait is bounded.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private static readonly TimeSpan GameDeadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Forty_tables_spread_over_three_nodes_behind_nginx_play_to_the_end_with_every_move_stored_once_and_audited()
    {
        // A long lease and turn limit: on a loaded machine no renewal may come late enough to hand a
        // room over, and no slow player may be played for, in this test (it asserts that nobody got an error).
        await using var cluster = await ScaleOutCluster.StartAsync(nodes: 3, new Dictionary<string, string?>
        {
            ["Hokm:Cluster:LeaseTime"] = "00:00:15",
            ["Hokm:Rooms:TurnTimeout"] = "00:02:00",
        });
        try
        {
            var tables = await SeatSpreadTablesAsync(cluster, count: 40);
            var endings = await Task.WhenAll(tables.SelectMany(static t => t.Players).Select(static p => p.PlayAsync())).WaitAsync(GameDeadline);

            Assert.All(endings, static e => Assert.Equal("game_over", e.Type));
            foreach (var (room, players) in tables)
            {
                var gameIds = players.Select(static p => p.Frames.Last(static f => f.Type == "game_over").Str("gameId")).Distinct().ToArray();
                Assert.Single(gameIds);
                var moves = players[0].Frames.Count(static f => f.Type is "card_played" or "trump_chosen");
                Assert.All(players, p => Assert.Equal(moves, p.Frames.Count(static f => f.Type is "card_played" or "trump_chosen")));
                Assert.All(players, static p => Assert.True(p.Errors.Count == 0, $"{p.Name}: {string.Join(" | ", p.Errors)}{Environment.NewLine}{string.Join(Environment.NewLine, p.Frames.Select(static f => f.Raw))}"));
                await cluster.VerifyGameAsync(gameIds[0]!, moves);
                Assert.Empty(PrivacyCheck.Violations([.. players.Select(static p => (p.Name, p.Frames))]));
            }

            // Quick match across nodes: four players landing on different nodes share one public room.
            var matched = new ScalePlayer[4];
            for (var i = 0; i < 4; i++)
            {
                matched[i] = await cluster.ConnectPlayerAsync($"qm{i}");
                var joined = await matched[i].RequestAsync("quick_match");
                Assert.True(joined.Type == "room_joined", joined.Raw);
            }

            Assert.Single(matched.Select(static p => p.Frames.First(static f => f.Type == "room_joined").Str("room")).Distinct());
            var matchedNodes = new HashSet<string>();
            foreach (var player in matched)
            {
                matchedNodes.Add(await cluster.NodeOfAsync(player.PlayerId));
            }

            Assert.True(matchedNodes.Count >= 2, "the quick-match players all landed on one node");
            var matchEndings = await Task.WhenAll(matched.Select(static p => p.PlayAsync())).WaitAsync(GameDeadline);
            await cluster.VerifyGameAsync(matchEndings[0].Str("gameId")!, matched[0].Frames.Count(static f => f.Type is "card_played" or "trump_chosen"));

            // Each node names itself in /health.
            foreach (var node in cluster.Nodes)
            {
                Assert.Contains($"\"node\":\"{node.NodeId}\"", await node.GetAsync("/health"), StringComparison.Ordinal);
            }
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(cluster.Diagnostics(), ex);
        }
    }

    [Fact]
    public async Task A_node_killed_mid_game_loses_no_game_and_no_move_its_players_reconnect_through_nginx_to_the_others()
    {
        await using var cluster = await ScaleOutCluster.StartAsync(nodes: 3);
        try
        {
            var tables = await SeatSpreadTablesAsync(cluster, count: 9);
            var moves = new ConcurrentDictionary<string, int>();
            var games = StartGames(tables, moves);
            await WaitForMovesAsync(tables, moves, perTable: 4);

            var owners = await OwnersAsync(cluster, tables);
            var victim = cluster.Nodes.OrderByDescending(n => owners.Count(o => o.Value == n.NodeId)).First();
            var lostRooms = owners.Where(o => o.Value == victim.NodeId).Select(static o => o.Key).ToArray();
            Assert.NotEmpty(lostRooms);

            // A room nobody is connected to: one player on the victim with three bots, who then goes away.
            var orphan = await OrphanRoomOnAsync(cluster, victim);
            var orphanVersion = await VersionOfAsync(cluster, orphan);
            var victimPlayers = new List<ScalePlayer>();
            foreach (var player in tables.SelectMany(static t => t.Players))
            {
                if (await cluster.NodeOfAsync(player.PlayerId) == victim.NodeId)
                {
                    victimPlayers.Add(player);
                }
            }

            await victim.KillAsync();
            await games.WaitAsync(GameDeadline);

            Report(tables);
            AssertEveryoneSawTheEnd(tables);
            Assert.NotEmpty(victimPlayers);
            Assert.All(victimPlayers, static p => Assert.True(p.Reconnections > 0, $"{p.Name} never reconnected"));
            foreach (var (room, players) in tables)
            {
                var gameIds = players.Where(static p => !p.EndedWhileAway).Select(static p => p.Frames.Last(static f => f.Type == "game_over").Str("gameId")).Distinct().ToArray();
                Assert.Single(gameIds);
                await cluster.VerifyGameAsync(gameIds[0]!);
                Assert.Empty(PrivacyCheck.Violations([.. players.Select(static p => (p.Name, p.Frames))], await cluster.StoredPlaysAsync(gameIds[0]!)));
            }

            // The orphan room was found by the sweep and plays on (turn timeouts, bots) on a living node.
            await Data.Tests.Infrastructure.Poll.UntilAsync(
                $"room {orphan} taken over by the orphan sweep and played on",
                async _ => (await cluster.LeaseOfAsync(orphan))?.StartsWith(victim.NodeId + "/", StringComparison.Ordinal) == false
                    && await VersionOfAsync(cluster, orphan) > orphanVersion,
                TimeSpan.FromSeconds(40),
                () => $"lease {cluster.LeaseOfAsync(orphan).Result}",
                CancellationToken.None);

            // The dead node's rooms were taken over by the living ones.
            foreach (var room in lostRooms)
            {
                var lease = await cluster.LeaseOfAsync(room);
                Assert.False(lease?.StartsWith(victim.NodeId + "/", StringComparison.Ordinal) == true, $"{room} is still leased to the dead node: {lease}");
            }
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(cluster.Diagnostics(), ex);
        }
    }

    [Fact]
    public async Task A_node_paused_past_its_leases_is_fenced_after_it_resumes_and_the_players_see_one_consistent_game()
    {
        await using var cluster = await ScaleOutCluster.StartAsync(nodes: 3);
        try
        {
            var tables = await SeatSpreadTablesAsync(cluster, count: 6);
            var moves = new ConcurrentDictionary<string, int>();
            var games = StartGames(tables, moves);
            await WaitForMovesAsync(tables, moves, perTable: 4);

            var owners = await OwnersAsync(cluster, tables);
            var victim = cluster.Nodes.OrderByDescending(n => owners.Count(o => o.Value == n.NodeId)).First();
            var lost = new Dictionary<string, string>();
            foreach (var (room, owner) in owners.Where(o => o.Value == victim.NodeId))
            {
                if (await cluster.LeaseOfAsync(room) is { } lease)
                {
                    lost[room] = lease;
                }
            }

            Assert.NotEmpty(lost);
            await victim.PauseAsync();

            // Past the lease: the other nodes take the paused node's rooms over (their players' relays sweep).
            await Data.Tests.Infrastructure.Poll.UntilAsync(
                "the paused node's rooms taken over",
                async _ =>
                {
                    foreach (var (room, old) in lost)
                    {
                        var now = await cluster.LeaseOfAsync(room);
                        if (now is null || now == old)
                        {
                            return false;
                        }
                    }

                    return true;
                },
                TimeSpan.FromSeconds(30),
                () => string.Join(", ", lost.Keys),
                CancellationToken.None);
            await victim.ResumeAsync();
            await games.WaitAsync(GameDeadline);

            Report(tables);
            AssertEveryoneSawTheEnd(tables);
            foreach (var (room, players) in tables)
            {
                var gameIds = players.Where(static p => !p.EndedWhileAway).Select(static p => p.Frames.Last(static f => f.Type == "game_over").Str("gameId")).Distinct().ToArray();
                Assert.Single(gameIds);
                await cluster.VerifyGameAsync(gameIds[0]!);
                Assert.Empty(PrivacyCheck.Violations([.. players.Select(static p => (p.Name, p.Frames))], await cluster.StoredPlaysAsync(gameIds[0]!)));
            }

            // The resumed node let go of every room it lost (a fenced commit or a refused renewal) ...
            var metrics = await victim.GetAsync("/metrics");
            Assert.True(LostCount(metrics) >= 1, metrics);

            // ... and its old lease can commit nothing, whatever version it names.
            foreach (var (room, old) in lost)
            {
                var slash = old.LastIndexOf('/');
                var stale = new RoomLease(room, old[..slash], long.Parse(old[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
                var before = await cluster.RedisConnection.GetDatabase().HashGetAsync($"{cluster.Prefix}{{{room}}}:room", "v");
                var attempt = await cluster.Leases.CommitAsync(room, before.IsNull ? 0 : (long)before, "{}", [], stale);
                Assert.Equal(CommitStatus.Fenced, attempt.Status);
                Assert.Equal(before, await cluster.RedisConnection.GetDatabase().HashGetAsync($"{cluster.Prefix}{{{room}}}:room", "v"));
            }
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(cluster.Diagnostics(), ex);
        }
    }

    /// <summary>
    /// Every player got <c>game_over</c> — or, having reconnected after its table's game ended (its node
    /// died just before the last moves), learnt that it no longer holds a seat; at least one player per
    /// table saw the end.
    /// </summary>
    private static void AssertEveryoneSawTheEnd(List<(string Room, ScalePlayer[] Players)> tables)
    {
        foreach (var (room, players) in tables)
        {
            Assert.All(players, static p => Assert.True(p.Frames.Any(static f => f.Type == "game_over") || (p.EndedWhileAway && p.Reconnections > 0), $"{p.Name} saw no end of its game"));
            Assert.Contains(players, static p => !p.EndedWhileAway);
        }
    }

    /// <summary>Writes each player's longest wait between frames and error count to the test output.</summary>
    private void Report(List<(string Room, ScalePlayer[] Players)> tables)
    {
        foreach (var (room, players) in tables)
        {
            output.WriteLine($"{room}: " + string.Join(", ", players.Select(static p => $"{p.Name}{(p.EndedWhileAway ? " (ended while away)" : string.Empty)} gap {p.LongestGap.TotalSeconds:0.0}s errors {p.Errors.Count} [{string.Join(";", p.Errors.Select(static e => e[..e.IndexOf(':')]).Distinct())}] reconnects {p.Reconnections}")));
        }
    }

    /// <summary>Seats tables whose four players are on at least two nodes (a player is reconnected until they are).</summary>
    private static async Task<List<(string Room, ScalePlayer[] Players)>> SeatSpreadTablesAsync(ScaleOutCluster cluster, int count)
    {
        var tables = new List<(string, ScalePlayer[])>();
        for (var t = 0; t < count; t++)
        {
            var (room, players) = await cluster.SeatTableAsync($"t{t}");
            var nodes = new List<string>();
            foreach (var player in players)
            {
                nodes.Add(await cluster.NodeOfAsync(player.PlayerId));
            }

            Assert.True(nodes.Distinct().Count() >= 2, $"Table {room}: all four players are on {nodes[0]} (nginx round robin should spread them).");
            tables.Add((room, players));
        }

        return tables;
    }

    /// <summary>A room owned by <paramref name="node"/> with one human (who then leaves the socket) and three bots, its game started.</summary>
    private static async Task<string> OrphanRoomOnAsync(ScaleOutCluster cluster, NodeProcess node)
    {
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var player = await cluster.ConnectPlayerAsync($"orphan{attempt}");
            if (await cluster.NodeOfAsync(player.PlayerId) != node.NodeId)
            {
                await player.DisposeAsync();
                continue;
            }

            var created = await player.RequestAsync("create_room", new Dictionary<string, object?> { ["targetScore"] = 1, ["bots"] = 3 });
            Assert.True(created.Type == "room_joined", created.Raw);
            await player.DisposeAsync();
            return created.Str("room")!;
        }

        throw new InvalidOperationException($"No connection through nginx landed on {node.NodeId} in 12 attempts.");
    }

    private static async Task<long> VersionOfAsync(ScaleOutCluster cluster, string room)
    {
        var value = await cluster.RedisConnection.GetDatabase().HashGetAsync($"{cluster.Prefix}{{{room}}}:room", "v");
        return value.IsNull ? 0 : (long)value;
    }

    private static Task<ServerFrame[]> StartGames(List<(string Room, ScalePlayer[] Players)> tables, ConcurrentDictionary<string, int> moves) =>
        Task.WhenAll(tables.SelectMany(t => t.Players.Select((p, i) => p.PlayAsync(frame =>
        {
            if (i == 0 && frame.Type is "card_played" or "trump_chosen")
            {
                moves.AddOrUpdate(t.Room, 1, static (_, n) => n + 1);
            }

            return Task.CompletedTask;
        }))));

    private static Task WaitForMovesAsync(List<(string Room, ScalePlayer[] Players)> tables, ConcurrentDictionary<string, int> moves, int perTable) =>
        Data.Tests.Infrastructure.Poll.UntilAsync(
            $"{perTable} moves at every table",
            _ => Task.FromResult(tables.All(t => moves.GetValueOrDefault(t.Room) >= perTable)),
            TimeSpan.FromSeconds(60),
            () => string.Join(", ", moves.Select(static m => $"{m.Key}={m.Value}")),
            CancellationToken.None);

    private static async Task<Dictionary<string, string>> OwnersAsync(ScaleOutCluster cluster, List<(string Room, ScalePlayer[] Players)> tables)
    {
        var owners = new Dictionary<string, string>();
        foreach (var (room, _) in tables)
        {
            if (await cluster.LeaseOfAsync(room) is { } lease)
            {
                owners[room] = lease[..lease.LastIndexOf('/')];
            }
        }

        return owners;
    }

    private static double LostCount(string metrics) =>
        metrics.Split('\n')
            .Where(static l => l.StartsWith("hokm_rooms_ownership_lost", StringComparison.Ordinal))
            .Select(static l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .Sum();
}
