using System.Net;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Games;

/// <summary><c>GET /api/games/{gameId}/record</c> for games that do not exist or are not over.</summary>
public sealed class GameRecordApiTests
{
    [Fact]
    public async Task An_unknown_game_is_404_problem_json_and_a_game_in_progress_is_409_without_its_seed()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        using var http = host.CreateClient();

        foreach (var id in new[] { "0123456789abcdef0123456789abcdef", "no%20such", new string('a', 65) })
        {
            using var missing = await http.GetAsync(new Uri($"/api/games/{id}/record", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }

        // A game that waits for its human player's move: its row arrives through the outbox, then it is 409.
        var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "slow");
        await using var _ = client;
        await client.RequestAsync("create_room", new() { ["bots"] = 3, ["targetScore"] = 1 });
        var gameId = (await client.SyncAsync()).Str("gameId")!;
        HttpStatusCode status = 0;
        string body = "";
        await Poll.UntilAsync(
            "the game's row in PostgreSQL",
            async ct =>
            {
                using var response = await http.GetAsync(new Uri($"/api/games/{gameId}/record", UriKind.Relative), ct);
                (status, body) = (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
                return status != HttpStatusCode.NotFound;
            },
            TimeSpan.FromSeconds(60),
            () => $"last answer {status}: {body}",
            CancellationToken.None);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.DoesNotContain("seed", body, StringComparison.OrdinalIgnoreCase);
    }
}
