using System.Net.Http.Json;
using System.Text.Json;
using Hokm.Data;
using Hokm.Data.Live;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Hokm.Server.Tests.ScaleOut;

/// <summary>
/// Several server nodes (separate processes) on the fixture's real Redis and PostgreSQL with
/// cluster mode on, behind nginx. Also a data layer of its own on the same stores, for the checks.
/// </summary>
internal sealed class ScaleOutCluster : IAsyncDisposable
{
    private readonly List<ScalePlayer> _players = [];
    private ServiceProvider? _data;

    private ScaleOutCluster(TestSetup setup, RedisTestServer redis)
    {
        Setup = setup;
        Redis = redis;
    }

    public TestSetup Setup { get; }

    public RedisTestServer Redis { get; }

    public string Prefix => Setup.Settings["HokmData:KeyPrefix"]!;

    public List<NodeProcess> Nodes { get; } = [];

    public NginxFront Front { get; private set; } = null!;

    public IConnectionMultiplexer RedisConnection { get; private set; } = null!;

    /// <summary>The same stores through the data layer (for a direct, fenced commit attempt).</summary>
    public IRoomLeaseStore Leases => _data!.GetRequiredService<IRoomLeaseStore>();

    public static async Task<ScaleOutCluster> StartAsync(int nodes, IDictionary<string, string?>? overrides = null)
    {
        var redis = await TestServers.GetRedisAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Hokm:Cluster:Enabled"] = "true",
            ["Hokm:Cluster:LeaseTime"] = "00:00:03",
            ["Hokm:Cluster:SweepInterval"] = "00:00:00.300",
            ["Hokm:Cluster:OrphanSweepInterval"] = "00:00:01",
            ["Hokm:Rooms:TurnTimeout"] = "00:00:04",
            ["Hokm:Rooms:FinishedRoomLinger"] = "00:00:30",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Hokm.Server.Rooms"] = "Information",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var setup = await TestSetup.CreateAsync(redis, await TestServers.GetPostgresAsync(), settings);
        var cluster = new ScaleOutCluster(setup, redis);
        try
        {
            // The first node creates the database schema; the others start once it is there.
            cluster.Nodes.Add(await NodeProcess.StartAsync("node-1", setup.Settings));
            var others = await Task.WhenAll(Enumerable.Range(2, nodes - 1).Select(i => NodeProcess.StartAsync($"node-{i}", setup.Settings)));
            cluster.Nodes.AddRange(others);
            cluster.Front = await NginxFront.StartAsync(cluster.Nodes);
            cluster.RedisConnection = await redis.ConnectAsync();
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["HokmData:RedisConnection"] = redis.ConnectionString,
                ["HokmData:KeyPrefix"] = cluster.Prefix,
                ["HokmData:NodeId"] = "test-checker",
                ["HokmData:Persistence:PostgresConnection"] = setup.Postgres,
                ["HokmData:Sync:Enabled"] = "false",
            }).Build();
            cluster._data = new ServiceCollection().AddLogging().AddHokmData(configuration).BuildServiceProvider();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A guest (through nginx) connected through nginx.</summary>
    public async Task<ScalePlayer> ConnectPlayerAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = Front.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync("/api/auth/guest", new { name });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var player = new ScalePlayer(Front.WebSocketUri, name, body.RootElement.GetProperty("playerId").GetString()!, body.RootElement.GetProperty("token").GetString()!);
        lock (_players)
        {
            _players.Add(player);
        }

        await player.ConnectAsync();
        return player;
    }

    /// <summary>
    /// Seats four new players at one table (created by the first, joined by the others). Players
    /// connect in turn through nginx's round robin, so they land on several nodes.
    /// </summary>
    public async Task<(string Room, ScalePlayer[] Players)> SeatTableAsync(string name)
    {
        var players = new ScalePlayer[4];
        for (var i = 0; i < 4; i++)
        {
            players[i] = await ConnectPlayerAsync($"{name}p{i}");
        }

        var created = await players[0].RequestAsync("create_room", new Dictionary<string, object?> { ["targetScore"] = 1 });
        Assert.True(created.Type == "room_joined", created.Raw);
        var room = created.Str("room")!;
        for (var i = 1; i < 4; i++)
        {
            var joined = await players[i].RequestAsync("join_room", new Dictionary<string, object?> { ["room"] = room });
            Assert.True(joined.Type == "room_joined", $"{players[i].Name}: {joined.Raw}");
        }

        return (room, players);
    }

    /// <summary>The node a player's socket is on (from the presence record the node writes).</summary>
    public async Task<string> NodeOfAsync(string playerId)
    {
        string? node = null;
        await Poll.UntilAsync(
            $"presence of {playerId}",
            async _ => (node = (string?)await RedisConnection.GetDatabase().HashGetAsync($"{Prefix}presence:{playerId}", "node")) is not null,
            TimeSpan.FromSeconds(10),
            () => string.Empty,
            CancellationToken.None);
        return node!;
    }

    /// <summary>The room's lease value (<c>node/token</c>), or null.</summary>
    public async Task<string?> LeaseOfAsync(string room) =>
        (string?)await RedisConnection.GetDatabase().StringGetAsync($"{Prefix}{{{room}}}:owner");

    /// <summary>
    /// Checks a finished game in PostgreSQL: its record is complete (the server answers 503 until the
    /// last moves are synced) and passes the audit; each move is stored once, without gaps.
    /// </summary>
    public async Task VerifyGameAsync(string gameId, int? movesSeen = null)
    {
        using var http = new HttpClient { BaseAddress = Front.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        string? record = null;
        var status = System.Net.HttpStatusCode.OK;
        await Poll.UntilAsync(
            $"the complete record of {gameId}",
            async ct =>
            {
                using var response = await http.GetAsync(new Uri($"/api/games/{gameId}/record", UriKind.Relative), ct);
                status = response.StatusCode;
                record = await response.Content.ReadAsStringAsync(ct);
                return response.IsSuccessStatusCode;
            },
            TimeSpan.FromSeconds(60),
            () => $"last answer {status}: {record}",
            CancellationToken.None);
        Assert.Empty(Hokm.Audit.RecordAuditor.AuditRecord(record!));
        var seq = await Setup.CountAsync("SELECT coalesce(max(seq), 0) FROM moves WHERE game_id = @id", gameId);
        Assert.True(seq > 0, $"no moves stored for {gameId}");
        Assert.Equal(seq, await Setup.CountAsync("SELECT count(*) FROM moves WHERE game_id = @id", gameId));
        Assert.Equal(seq, await Setup.CountAsync("SELECT count(DISTINCT seq) FROM moves WHERE game_id = @id", gameId));
        if (movesSeen is { } seen)
        {
            Assert.Equal(seen, seq);
        }

        Assert.Equal(1, await Setup.CountAsync("SELECT count(*) FROM games WHERE id = @id AND status = 'finished'", gameId));
    }

    /// <summary>The cards stored as played in the game, by hand.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyCollection<string>>> StoredPlaysAsync(string gameId)
    {
        var plays = new Dictionary<int, IReadOnlyCollection<string>>();
        await using var connection = new Npgsql.NpgsqlConnection(Setup.Postgres);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT hand, card FROM moves WHERE game_id = @id AND card IS NOT NULL", connection);
        command.Parameters.AddWithValue("id", gameId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var hand = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            if (!plays.TryGetValue(hand, out var cards))
            {
                plays[hand] = cards = new List<string>();
            }

            ((List<string>)cards).Add(reader.GetString(1));
        }

        return plays;
    }

    public string Diagnostics() =>
        string.Join(Environment.NewLine, Nodes.Select(static n => $"--- {n.NodeId} ---{Environment.NewLine}{n.Output}")) + Environment.NewLine + "--- nginx ---" + Environment.NewLine + Front?.ErrorLog();

    public async ValueTask DisposeAsync()
    {
        ScalePlayer[] players;
        lock (_players)
        {
            players = [.. _players];
        }

        foreach (var player in players)
        {
            await player.DisposeAsync();
        }

        if (Front is not null)
        {
            await Front.DisposeAsync();
        }

        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        if (_data is not null)
        {
            await _data.DisposeAsync();
        }

        RedisConnection?.Dispose();
    }
}
