using System.Net.Http.Json;
using System.Text.Json;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hokm.Server.Tests.Support;

/// <summary>
/// Settings for a server on the shared real Redis (own key prefix) and PostgreSQL (own database),
/// with the game's timers shortened where a test would otherwise wait for nothing (bots move at
/// once, no pause between hands) and the turn limit lengthened so that only a test that asks for
/// timeouts gets them. The disconnect grace keeps its default unless a test shortens it.
/// </summary>
internal sealed class TestSetup
{
    /// <summary>A fixed signing key, so tokens survive a server restart.</summary>
    public const string SigningKey = "hokm-server-tests-signing-key-0123456789abcdef";

    private TestSetup(Dictionary<string, string?> settings, string postgres)
    {
        Settings = settings;
        Postgres = postgres;
    }

    public Dictionary<string, string?> Settings { get; }

    /// <summary>The test's own PostgreSQL database.</summary>
    public string Postgres { get; }

    public static async Task<TestSetup> CreateAsync(IDictionary<string, string?>? overrides = null) =>
        await CreateAsync(await TestServers.GetRedisAsync(), await TestServers.GetPostgresAsync(), overrides);

    /// <summary>Settings for the given servers (e.g. dedicated ones a test stops and starts).</summary>
    public static async Task<TestSetup> CreateAsync(RedisTestServer redis, PostgresTestServer postgres, IDictionary<string, string?>? overrides = null)
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["ConnectionStrings:Postgres"] = database,
            ["HokmData:KeyPrefix"] = RedisTestServer.NewKeyPrefix(),
            ["HokmData:Sync:Interval"] = "00:00:00.050",
            ["Hokm:Auth:SigningKey"] = SigningKey,
            ["Hokm:Auth:RateLimit:Enabled"] = "false",
            // Test players answer in microseconds, far faster than the default 10 messages/s.
            ["Hokm:Connections:MessagesPerSecond"] = "1000",
            ["Hokm:Connections:Burst"] = "1000",
            // A turn limit no test reaches: on a slow machine the server must not move for a test's player.
            ["Hokm:Rooms:TurnTimeout"] = "00:10:00",
            ["Hokm:Rooms:BotDelay"] = "00:00:00",
            ["Hokm:Rooms:HandPause"] = "00:00:00",
            ["Hokm:Rooms:CompletionBackoff"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new TestSetup(settings, database);
    }

    public Task<ServerHost> StartServerAsync(Action<IServiceCollection>? services = null) => ServerHost.StartAsync(Settings, services);

    /// <summary>A guest account from the server's own endpoint: its player id and token.</summary>
    public static async Task<(string PlayerId, string Token)> GuestAsync(ServerHost host, string name)
    {
        using var http = host.CreateClient();
        using var response = await http.PostAsJsonAsync("/api/auth/guest", new { name });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("playerId").GetString()!, body.RootElement.GetProperty("token").GetString()!);
    }

    /// <summary>Connects a new guest; the <c>welcome</c> frame is already read.</summary>
    public static async Task<(GameClient Client, string PlayerId, string Token)> ConnectGuestAsync(ServerHost host, string name)
    {
        var (playerId, token) = await GuestAsync(host, name);
        var client = await GameClient.ConnectAsync(host, token, name);
        var welcome = await client.NextAsync();
        Assert.Equal("welcome", welcome.Type);
        return (client, playerId, token);
    }

    public async Task<long> CountAsync(string sql, string gameId)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", gameId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until PostgreSQL holds <paramref name="moves"/> moves of the game (the outbox drains in the background).</summary>
    public async Task WaitForMovesAsync(string gameId, long moves)
    {
        long seen = -1;
        await Poll.UntilAsync(
            $"{moves} moves of game {gameId} in PostgreSQL",
            async _ => (seen = await CountAsync("SELECT count(*) FROM moves WHERE game_id = @id", gameId)) >= moves,
            TimeSpan.FromSeconds(60),
            () => $"moves stored: {seen}",
            CancellationToken.None);
    }
}
