using System.Net;
using System.Text.Json;
using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Stats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hokm.Server.Tests.Stats;

/// <summary>
/// The statistics endpoints on Kestrel, over real Redis and PostgreSQL. The host is built here with
/// only <c>AddHokmData</c> and the two statistics calls, so these tests do not depend on how the
/// rest of the server is wired.
/// </summary>
public sealed class StatsApiTests
{
    [Fact]
    public async Task Endpoints_answer_and_bad_parameters_are_problem_400s()
    {
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = Address(app), Timeout = TimeSpan.FromSeconds(30) };
        var accounts = app.Services.GetRequiredService<IPlayerAccountStore>();
        foreach (var id in new[] { "api-a", "api-b", "api-c" })
        {
            await accounts.CreateAsync(new NewPlayerAccount(id, null, id, null, IsGuest: true));
        }

        var started = DateTimeOffset.UtcNow.AddHours(-1);
        var game = new GameStarted("api-game", "ROOM1", started, 1, "hash", [
            new SeatAssignment(0, "a", false, "api-a"), new SeatAssignment(1, "b", false, "api-b"),
            new SeatAssignment(2, "c", false, "api-c"), new SeatAssignment(3, "bot", true)]);
        Assert.True(await app.Services.GetRequiredService<IGameStore>().CompleteGameAsync(new GameCompletion(
            game, started.AddMinutes(20), TeamSide.A, 2, 0, "seed",
            [new HandCompleted("api-game", 1, 0, "H", false, 7, 0, TeamSide.A, 2, KotKind.Kot)])));

        using (var stats = await GetJsonAsync(http, "/api/players/api-a/stats"))
        {
            Assert.Equal(1, stats.RootElement.GetProperty("report").GetProperty("games").GetInt32());
            Assert.Equal(1, stats.RootElement.GetProperty("report").GetProperty("kots").GetInt32());
            Assert.True(stats.RootElement.GetProperty("totals").GetProperty("rating").GetDouble() > 1500);
        }

        using (var board = await GetJsonAsync(http, "/api/leaderboards/global?limit=2&around=api-b"))
        {
            var entries = board.RootElement.GetProperty("board").GetProperty("entries");
            Assert.Equal(2, entries.GetArrayLength());
            Assert.Equal("global", board.RootElement.GetProperty("board").GetProperty("type").GetString(), ignoreCase: true);
            Assert.Equal(3, board.RootElement.GetProperty("around").GetProperty("player").GetProperty("rank").GetInt64());
        }

        using (var weekly = await GetJsonAsync(http, "/api/leaderboards/weekly"))
        {
            Assert.Equal(2, weekly.RootElement.GetProperty("board").GetProperty("entries").GetArrayLength());
        }

        using (var patterns = await GetJsonAsync(http, "/api/analytics/patterns?bots=include&minRating=1400&completedOnly=true"))
        {
            Assert.Equal(1, patterns.RootElement.GetProperty("games").GetInt32());
            Assert.Equal(1, patterns.RootElement.GetProperty("kots").GetInt32());
        }

        using (var noBots = await GetJsonAsync(http, "/api/analytics/patterns?bots=exclude"))
        {
            Assert.Equal(0, noBots.RootElement.GetProperty("games").GetInt32());
        }

        using (var live = await GetJsonAsync(http, "/api/analytics/live?window=60"))
        {
            Assert.True(live.RootElement.TryGetProperty("concurrentPlayers", out _));
        }

        using (var metrics = await GetJsonAsync(http, "/api/metrics/summary"))
        {
            Assert.True(metrics.RootElement.TryGetProperty("syncQueueDepth", out _));
        }

        using (var openApi = await GetJsonAsync(http, "/openapi/v1.json"))
        {
            var paths = openApi.RootElement.GetProperty("paths");
            Assert.True(paths.TryGetProperty("/api/leaderboards/{type}", out _));
            Assert.True(paths.TryGetProperty("/api/players/{id}/stats", out _));
        }

        using (var missing = await http.GetAsync(new Uri("/api/players/nobody/stats", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        foreach (var (path, parameter) in new[]
        {
            ("/api/players/api-a/stats?from=yesterday", "from"),
            ("/api/players/api-a/stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"),
            ("/api/leaderboards/yearly", "type"),
            ("/api/leaderboards/1", "type"),
            ("/api/leaderboards/global?limit=0", "limit"),
            ("/api/leaderboards/global?limit=many", "limit"),
            ("/api/analytics/patterns?bots=maybe", "bots"),
            ("/api/analytics/patterns?minRating=high", "minRating"),
            ("/api/analytics/patterns?completedOnly=perhaps", "completedOnly"),
            ("/api/analytics/live?window=0", "window"),
        })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), path);
        }
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private static Uri Address(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static async Task<WebApplication> StartAsync()
    {
        var redis = await TestServers.GetRedisAsync();
        var postgres = await TestServers.GetPostgresAsync();
        var builder = WebApplication.CreateBuilder(["--environment=Testing"]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
            ["HokmData:KeyPrefix"] = RedisTestServer.NewKeyPrefix(),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHokmData(builder.Configuration);
        builder.AddHokmStats();
        var app = builder.Build();
        app.MapHokmStats();
        await app.StartAsync();
        return app;
    }
}
