using Hokm.Data.Persistence;
using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Tests.Persistence;

/// <summary>Write-through completion: the final game, its hands and the players' statistics, once.</summary>
public abstract class GameCompletionTests(PersistenceProvider provider)
{
    [Fact]
    public async Task Completion_writes_the_game_its_hands_and_the_human_players_statistics()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await CreatePlayersAsync(harness, "pa", "pb");
        var gameId = Events.NewGameId();
        var game = Events.Game(gameId, "pa", "pb");

        // The outbox already delivered the start and the first hand.
        await harness.Sink.WriteAsync([Events.Entry(OutboxEvents.GameStarted(game)), Events.Entry(OutboxEvents.HandCompleted(Hands(gameId)[0]))]);
        harness.Time.Advance(TimeSpan.FromMinutes(20));

        var finished = await harness.Games.CompleteGameAsync(Completion(game));

        Assert.True(finished);
        await using var context = harness.CreateContext();
        var row = await context.Games.SingleAsync(g => g.Id == gameId);
        Assert.Equal(("finished", "A", 7, 3, "the-seed", PersistenceHarness.Start.AddMinutes(30)), (row.Status, row.Winner, row.ScoreA, row.ScoreB, row.Seed, row.EndedAt));
        Assert.Equal(4, await context.Hands.CountAsync(h => h.GameId == gameId));
        Assert.Equal(4, await context.GamePlayers.CountAsync(s => s.GameId == gameId));

        // Seat 0 (pa) is team A, seat 1 (pb) team B. Hands: A wins 1 (hakem 0), B wins 2 by Kot (hakem 1),
        // A wins 3 by Hakem Kot (hakem 1), A wins 4 (hakem 0).
        var a = await harness.Games.GetPlayerStatisticsAsync("pa");
        var b = await harness.Games.GetPlayerStatisticsAsync("pb");
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal((1, 1, 4, 7 + 0 + 7 + 7, 1, 1, 2, 2), (a.Games, a.Wins, a.Hands, a.Tricks, a.Kots, a.KotsSuffered, a.HakemHands, a.HakemWins));
        Assert.Equal((1, 0, 4, 4 + 7 + 0 + 4, 1, 1, 2, 1), (b.Games, b.Wins, b.Hands, b.Tricks, b.Kots, b.KotsSuffered, b.HakemHands, b.HakemWins));
        // Team Elo (docs/data-layer.md "Statistics"): 1500 against 1500, a win moves K/2 = 16.
        Assert.Equal((1516d, 1484d), (a.Rating, b.Rating));
        Assert.Equal(harness.Time.GetUtcNow(), a.UpdatedAt);
        Assert.Null(await harness.Games.GetPlayerStatisticsAsync("bot-never-counted"));
        Assert.Equal(2, await context.PlayerStats.CountAsync());
    }

    [Fact]
    public async Task Completing_a_game_twice_changes_nothing()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await CreatePlayersAsync(harness, "pa");
        var game = Events.Game(Events.NewGameId(), "pa");
        Assert.True(await harness.Games.CompleteGameAsync(Completion(game)));
        var before = await harness.Games.GetPlayerStatisticsAsync("pa");
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        var again = await harness.Games.CompleteGameAsync(Completion(game) with { ScoreA = 99 });

        Assert.False(again);
        Assert.Equal(before, await harness.Games.GetPlayerStatisticsAsync("pa"));
        await using var context = harness.CreateContext();
        Assert.Equal(7, (await context.Games.SingleAsync(g => g.Id == game.GameId)).ScoreA);
    }

    [Fact]
    public async Task Concurrent_completions_of_one_game_finish_it_once()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await CreatePlayersAsync(harness, "pa");
        var game = Events.Game(Events.NewGameId(), "pa");
        await harness.Sink.WriteAsync([Events.Entry(OutboxEvents.GameStarted(game))]);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => harness.Games.CompleteGameAsync(Completion(game)))));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(1, (await harness.Games.GetPlayerStatisticsAsync("pa"))!.Games);
    }

    [Fact]
    public async Task A_completion_racing_the_outbox_delivery_of_its_game_always_finishes_the_game()
    {
        // Found by the load command: completion saw no game row, the sync worker then inserted the
        // game as playing, and the completion's insert met that row and gave up — game_over was
        // sent while the row stayed "playing". Each game here races the two writes.
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await CreatePlayersAsync(harness, "pa");
        var games = Enumerable.Range(0, 30).Select(_ => Events.Game(Events.NewGameId(), "pa")).ToList();

        var completed = await Task.WhenAll(games.Select(async game =>
        {
            var delivery = Task.Run(() => harness.Sink.WriteAsync([Events.Entry(OutboxEvents.GameStarted(game))]));
            var completion = Task.Run(() => harness.Games.CompleteGameAsync(Completion(game)));
            await delivery;
            return await completion;
        }));

        Assert.All(completed, Assert.True);
        await using var context = harness.CreateContext();
        var ids = games.Select(g => g.GameId).ToList();
        Assert.Equal(30, await context.Games.CountAsync(g => ids.Contains(g.Id) && g.Status == "finished"));
        Assert.Equal(30, (await harness.Games.GetPlayerStatisticsAsync("pa"))!.Games);
    }

    [Fact]
    public async Task A_completion_ahead_of_the_outbox_is_not_undone_by_the_late_entries()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await CreatePlayersAsync(harness, "pa");
        var game = Events.Game(Events.NewGameId(), "pa");
        Assert.True(await harness.Games.CompleteGameAsync(Completion(game)));

        var late = await harness.Sink.WriteAsync([Events.Entry(OutboxEvents.GameStarted(game)), .. Hands(game.GameId).Select(h => Events.Entry(OutboxEvents.HandCompleted(h)))]);

        Assert.True(late.Succeeded);
        Assert.Equal(0, late.Inserted);
        await using var context = harness.CreateContext();
        Assert.Equal("finished", (await context.Games.SingleAsync(g => g.Id == game.GameId)).Status);
    }

    [Fact]
    public async Task Statistics_add_up_over_games()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await CreatePlayersAsync(harness, "pa");

        await harness.Games.CompleteGameAsync(Completion(Events.Game(Events.NewGameId(), "pa")));
        await harness.Games.CompleteGameAsync(Completion(Events.Game(Events.NewGameId(), "pa")) with { Winner = TeamSide.B });

        var stats = await harness.Games.GetPlayerStatisticsAsync("pa");
        Assert.Equal((2, 1, 8), (stats!.Games, stats.Wins, stats.Hands));
    }

    [Fact]
    public async Task An_invalid_completion_is_refused_before_anything_is_written()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var game = Events.Game(Events.NewGameId());
        var otherGamesHand = Events.Hand("another-game", 9);

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Games.CompleteGameAsync(Completion(game) with { Hands = [otherGamesHand] }));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Games.CompleteGameAsync(Completion(game) with { ScoreB = -1 }));

        await using var context = harness.CreateContext();
        Assert.Equal(0, await context.Games.CountAsync());
    }

    private static List<HandCompleted> Hands(string gameId) =>
    [
        Events.Hand(gameId, 1, hakem: 0, winner: TeamSide.A),
        Events.Hand(gameId, 2, hakem: 1, winner: TeamSide.B, kot: KotKind.Kot),
        Events.Hand(gameId, 3, hakem: 1, winner: TeamSide.A, kot: KotKind.HakemKot),
        Events.Hand(gameId, 4, hakem: 0, winner: TeamSide.A),
    ];

    private static GameCompletion Completion(GameStarted game) =>
        new(game, PersistenceHarness.Start.AddMinutes(30), TeamSide.A, 7, 3, "the-seed", Hands(game.GameId));

    private static async Task CreatePlayersAsync(PersistenceHarness harness, params string[] ids)
    {
        foreach (var id in ids)
        {
            await harness.Accounts.CreateAsync(new NewPlayerAccount(id, id, id.ToUpperInvariant(), "hash", false));
        }
    }
}

public sealed class GameCompletionOnPostgresTests() : GameCompletionTests(PersistenceProvider.PostgreSql);

public sealed class GameCompletionOnSqliteTests() : GameCompletionTests(PersistenceProvider.Sqlite);
