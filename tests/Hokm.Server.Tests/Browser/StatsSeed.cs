using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Server.Tests.Browser;

/// <summary>
/// Players made through the server's own sign-in API and finished games stored through its own
/// <see cref="IGameStore"/> (the path a room takes at game end: totals, ratings and leaderboards),
/// with end times spread over several weeks so the weekly trend has several points.
/// </summary>
internal sealed class StatsSeed(BrowserFixture fixture)
{
    public const string Password = "correct-horse-battery";

    private int _games;

    /// <summary>Registers an account (which the browser then logs in to) and returns its id.</summary>
    public async Task<string> RegisterAsync(string username, string displayName)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), new { username, password = Password, displayName });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"register {username}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("playerId").GetString()!;
    }

    /// <summary>A guest account, as "Play as guest" makes one.</summary>
    public async Task<string> GuestAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync(new Uri("/api/auth/guest", UriKind.Relative), new { name });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"guest {name}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("playerId").GetString()!;
    }

    /// <summary>
    /// Stores one finished game of single hands: team A (<paramref name="seat0"/>, <paramref name="seat2"/>)
    /// against <paramref name="seat1"/> and a bot. Each hand is (Hakem seat, trump, tricks A, tricks B).
    /// </summary>
    public async Task GameAsync(DateTimeOffset endedAt, TimeSpan length, string seat0, string seat1, string seat2,
        params (int Hakem, string Trump, int TricksA, int TricksB)[] hands)
    {
        var id = $"stats-{Guid.NewGuid():N}";
        var room = "S" + (++_games).ToString("00000", CultureInfo.InvariantCulture);
        var completed = new List<HandCompleted>();
        int scoreA = 0, scoreB = 0;
        foreach (var (hakem, trump, tricksA, tricksB) in hands)
        {
            var winner = tricksA > tricksB ? TeamSide.A : TeamSide.B;
            var hakemTeam = (hakem & 1) == 0 ? TeamSide.A : TeamSide.B;
            var loserTricks = Math.Min(tricksA, tricksB);
            var kot = loserTricks > 0 ? KotKind.None : winner == hakemTeam ? KotKind.Kot : KotKind.HakemKot;
            var points = kot switch { KotKind.None => 1, KotKind.Kot => 2, _ => 3 };
            if (winner == TeamSide.A)
            {
                scoreA += points;
            }
            else
            {
                scoreB += points;
            }

            completed.Add(new HandCompleted(id, completed.Count + 1, hakem, trump, false, tricksA, tricksB, winner, points, kot));
        }

        var started = new GameStarted(id, room, endedAt - length, Math.Max(scoreA, scoreB), "hash", [
            new SeatAssignment(0, "a", false, seat0), new SeatAssignment(1, "b", false, seat1),
            new SeatAssignment(2, "c", false, seat2), new SeatAssignment(3, "Bot 4", true)]);
        var store = fixture.Services.GetRequiredService<IGameStore>();
        Assert.True(await store.CompleteGameAsync(new GameCompletion(started, endedAt, scoreA > scoreB ? TeamSide.A : TeamSide.B, scoreA, scoreB, "seed", completed)));
    }
}
