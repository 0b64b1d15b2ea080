using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Data.Tests.Sync;
using Hokm.Game.Bots;
using Hokm.Game.Cards;
using Hokm.Game.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using GameKot = Hokm.Game.Rules.Kot;
using GameTeam = Hokm.Game.Rules.Team;

namespace Hokm.Data.Tests.Stats;

/// <summary>
/// A game history for the statistics tests: bot games played by the simulator, turned into
/// completions and written through the normal path (<see cref="IGameStore.CompleteGameAsync"/>).
/// </summary>
internal sealed class StatsHistory : IAsyncDisposable
{
    /// <summary>Thursday of ISO week 2026-W48 (Monday 23 November).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo? _folder;

    private StatsHistory(HybridHarness harness, FakeTimeProvider time, DirectoryInfo? folder)
    {
        Harness = harness;
        Time = time;
        _folder = folder;
    }

    public HybridHarness Harness { get; }

    public FakeTimeProvider Time { get; }

    public List<GameCompletion> Completions { get; } = [];

    public IGameStore Games => Harness.Services.GetRequiredService<IGameStore>();

    public Hokm.Data.Stats.IHokmStats Stats => Harness.Services.GetRequiredService<Hokm.Data.Stats.IHokmStats>();

    public static string Player(int i) => $"p{i:00}";

    /// <summary>PostgreSQL + Redis (<paramref name="postgres"/>), or SQLite + Garnet.</summary>
    public static async Task<StatsHistory> CreateAsync(bool postgres, int players = 12)
    {
        var time = new FakeTimeProvider(Now);
        HybridHarness harness;
        DirectoryInfo? folder = null;
        if (postgres)
        {
            var redis = await TestServers.GetRedisAsync();
            var server = await TestServers.GetPostgresAsync();
            harness = await HybridHarness.CreateAsync(redis.ConnectionString, await server.CreateDatabaseAsync(), configure: s => s.AddSingleton<TimeProvider>(time));
        }
        else
        {
            var garnet = await TestServers.GetGarnetAsync();
            folder = Directory.CreateTempSubdirectory("hokm-stats-");
            harness = await HybridHarness.CreateAsync(garnet.ConnectionString, null, Path.Combine(folder.FullName, "hokm.db"), configure: s => s.AddSingleton<TimeProvider>(time));
        }

        var accounts = harness.Services.GetRequiredService<IPlayerAccountStore>();
        for (var i = 0; i < players; i++)
        {
            await accounts.CreateAsync(new NewPlayerAccount(Player(i), null, $"Player {i}", null, IsGuest: true));
        }

        return new StatsHistory(harness, time, folder);
    }

    /// <summary>
    /// <paramref name="count"/> games 14 hours apart from 30 October 2026, four of them in October and six
    /// in week 48. Every fifth game has a bot at seat 3; every eleventh has bots for all of team B.
    /// </summary>
    public async Task LoadAsync(int count = 48, int players = 12)
    {
        var first = new DateTimeOffset(2026, 10, 30, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            await CompleteAsync(Simulate($"g{i:000}", first.AddHours(14 * i), i, players));
        }
    }

    public async Task<bool> CompleteAsync(GameCompletion completion)
    {
        var finished = await Games.CompleteGameAsync(completion);
        if (finished)
        {
            Completions.Add(completion);
        }

        return finished;
    }

    /// <summary>One simulated game, seats drawn from the pool by <paramref name="n"/>.</summary>
    public static GameCompletion Simulate(string gameId, DateTimeOffset start, int n, int players = 12)
    {
        var random = new Random(n * 7919 + 17);
        var pool = Enumerable.Range(0, players).OrderBy(_ => random.Next()).Take(4).ToArray();
        var seats = Enumerable.Range(0, 4).Select(s =>
        {
            var bot = (n % 11 == 0 && s % 2 == 1) || (n % 5 == 0 && s == 3);
            return bot ? new SeatAssignment(s, $"Bot {s}", true) : new SeatAssignment(s, Player(pool[s]), false, Player(pool[s]));
        }).ToList();

        var hands = new List<HandCompleted>();
        TrumpChosen? trump = null;
        var seed = $"stats-seed-{n}";
        var result = BotMatch.Play(seed, null, BotMatch.CreateBots(BotLineup.Mixed, seed), e =>
        {
            switch (e)
            {
                case TrumpChosen t:
                    trump = t;
                    break;
                case HandOver h:
                    hands.Add(new HandCompleted(
                        gameId, h.HandNumber, trump!.Seat, trump.Suit.ToLetter().ToString(), trump.Auto, h.Tricks.A, h.Tricks.B,
                        h.Team == GameTeam.A ? TeamSide.A : TeamSide.B, h.Points,
                        h.Kot switch { GameKot.Kot => KotKind.Kot, GameKot.HakemKot => KotKind.HakemKot, _ => KotKind.None }));
                    break;
            }
        });

        var game = new GameStarted(gameId, $"R{n:0000}", start, 7, $"hash-{gameId}", seats);
        return new GameCompletion(
            game, start.AddMinutes(3 * hands.Count + n % 7), result.Winner == GameTeam.A ? TeamSide.A : TeamSide.B,
            result.Score.A, result.Score.B, seed, hands);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _folder.Delete(recursive: true);
        }
    }
}
