using System.Globalization;
using Hokm.Data.Configuration;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Redis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hokm.Data.Stats;

/// <summary>
/// The leaderboards' Redis sorted sets: one key per board and period
/// (<c>{prefix}{lb:weekly:2026-W48}</c>), each with a TTL. A read that finds no key rebuilds it
/// from PostgreSQL into a temporary key that is then renamed over it, so readers never see a half
/// board. A new period is a new key, so a period boundary is a reset. A finished game adjusts
/// boards that exist (ZADD / ZINCRBY only when the key exists, in one script), never creates one.
/// </summary>
internal sealed class LeaderboardCache(
    IRedisConnection redis,
    IDbContextFactory<HokmDbContext> contexts,
    IOptions<HybridDataOptions> dataOptions,
    TimeProvider time)
{
    private const string UpdateIfPresent = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        for i = 2, #ARGV, 2 do
          if ARGV[1] == 'add' then redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1])
          else redis.call('ZINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
        end
        return 1
        """;

    private const int AddChunk = 1000;

    private readonly string _prefix = dataOptions.Value.KeyPrefix;

    public RedisKey Key(LeaderboardType type, LeaderboardPeriod period) =>
        $"{_prefix}{{lb:{type.ToString().ToLowerInvariant()}:{period.Id}}}";

    public async Task<Leaderboard> GetAsync(LeaderboardType type, int limit, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var period = LeaderboardPeriod.For(type, time.GetUtcNow());
        var key = Key(type, period);
        var db = await redis.GetDatabaseAsync(cancellationToken);
        var rebuilt = false;
        SortedSetEntry[] rows = [];
        for (var attempt = 0; attempt < 2; attempt++)
        {
            rows = await RedisCalls.Guard("the leaderboard", () => db.SortedSetRangeByRankWithScoresAsync(key, 0, limit - 1, Order.Descending));
            if (rows.Length > 0 || rebuilt)
            {
                break;
            }

            // An empty answer is a missing key: build it (an empty board stays uncached, and costs one query).
            rebuilt = await EnsureAsync(db, type, period, key, ttl, cancellationToken);
        }

        return new Leaderboard(type, period.Id, period.Start, period.End, ToEntries(rows, 0), rebuilt);
    }

    public async Task<PlayerRank> GetAroundAsync(LeaderboardType type, string playerId, int radius, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var period = LeaderboardPeriod.For(type, time.GetUtcNow());
        var key = Key(type, period);
        var db = await redis.GetDatabaseAsync(cancellationToken);
        await EnsureAsync(db, type, period, key, ttl, cancellationToken);
        var rank = await RedisCalls.Guard("the leaderboard", () => db.SortedSetRankAsync(key, playerId, Order.Descending));
        if (rank is null)
        {
            return new PlayerRank(type, period.Id, null, []);
        }

        var first = Math.Max(0, rank.Value - radius);
        var rows = await RedisCalls.Guard("the leaderboard", () => db.SortedSetRangeByRankWithScoresAsync(key, first, rank.Value + radius, Order.Descending));
        var entries = ToEntries(rows, first);
        return new PlayerRank(type, period.Id, entries.FirstOrDefault(e => e.PlayerId == playerId), entries);
    }

    /// <summary>Adjusts the cached boards for a game that was just finished (ratings already committed).</summary>
    public async Task ApplyCompletionAsync(GameCompletion completion, CancellationToken cancellationToken)
    {
        var humans = completion.Game.Players.Where(static p => !p.Bot && p.PlayerId is not null).ToList();
        if (humans.Count == 0)
        {
            return;
        }

        var ids = humans.Select(static p => p.PlayerId!).ToList();
        List<(string PlayerId, double Rating)> ratings;
        await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
        {
            ratings = (await context.PlayerStats.AsNoTracking().Where(s => ids.Contains(s.PlayerId))
                .Select(s => new { s.PlayerId, s.Rating }).ToListAsync(cancellationToken))
                .Select(static r => (r.PlayerId, r.Rating)).ToList();
        }

        var db = await redis.GetDatabaseAsync(cancellationToken);
        var global = ratings.SelectMany(static r => new RedisValue[] { r.Rating.ToString("R", CultureInfo.InvariantCulture), r.PlayerId });
        await RunAsync(db, Key(LeaderboardType.Global, LeaderboardPeriod.For(LeaderboardType.Global, completion.EndedAt)), "add", global);

        var winners = humans.Where(p => p.Team == completion.Winner).SelectMany(static p => new RedisValue[] { 1, p.PlayerId! }).ToList();
        if (winners.Count > 0)
        {
            foreach (var type in (LeaderboardType[])[LeaderboardType.Weekly, LeaderboardType.Monthly])
            {
                await RunAsync(db, Key(type, LeaderboardPeriod.For(type, completion.EndedAt)), "incr", winners);
            }
        }
    }

    /// <summary>Drops the cached boards of the current periods (operators; tests).</summary>
    public async Task InvalidateAsync(CancellationToken cancellationToken)
    {
        var db = await redis.GetDatabaseAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var type in Enum.GetValues<LeaderboardType>())
        {
            await RedisCalls.Guard("the leaderboard", () => db.KeyDeleteAsync(Key(type, LeaderboardPeriod.For(type, now))));
        }
    }

    private static Task RunAsync(IDatabase db, RedisKey key, string mode, IEnumerable<RedisValue> pairs) =>
        RedisCalls.Guard("the leaderboard", () => db.ScriptEvaluateAsync(UpdateIfPresent, [key], [mode, .. pairs]));

    private async Task<bool> EnsureAsync(IDatabase db, LeaderboardType type, LeaderboardPeriod period, RedisKey key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        if (await RedisCalls.Guard("the leaderboard", () => db.KeyExistsAsync(key)))
        {
            return false;
        }

        var rows = await LoadAsync(type, period, cancellationToken);
        if (rows.Count == 0)
        {
            return true;
        }

        RedisKey building = $"{key}:build:{Guid.NewGuid():N}";
        for (var i = 0; i < rows.Count; i += AddChunk)
        {
            var chunk = rows.Skip(i).Take(AddChunk).Select(static r => new SortedSetEntry(r.PlayerId, r.Score)).ToArray();
            await RedisCalls.Guard("the leaderboard", () => db.SortedSetAddAsync(building, chunk));
        }

        // The TTL goes on before the rename, which keeps it: the board is never cached without one.
        await RedisCalls.Guard("the leaderboard", () => db.KeyExpireAsync(building, ttl));
        await RedisCalls.Guard("the leaderboard", () => db.KeyRenameAsync(building, key));
        return true;
    }

    /// <summary>The board computed from PostgreSQL: ratings of everyone with statistics, or wins of finished games that ended in the period.</summary>
    private async Task<List<(string PlayerId, double Score)>> LoadAsync(LeaderboardType type, LeaderboardPeriod period, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (type == LeaderboardType.Global)
        {
            var rated = await db.PlayerStats.AsNoTracking().Select(s => new { s.PlayerId, s.Rating }).ToListAsync(cancellationToken);
            return rated.Select(static r => (r.PlayerId, r.Rating)).ToList();
        }

        var start = period.Start!.Value;
        var end = period.End!.Value;
        var wins = await (
            from g in db.Games
            where g.Status == GameStatuses.Finished && g.EndedAt >= start && g.EndedAt < end
            join p in db.GamePlayers on g.Id equals p.GameId
            where p.PlayerId != null && p.Team == g.Winner
            group p by p.PlayerId into byPlayer
            select new { PlayerId = byPlayer.Key!, Wins = byPlayer.Count() }).ToListAsync(cancellationToken);
        return wins.Select(static w => (w.PlayerId, (double)w.Wins)).ToList();
    }

    private static List<LeaderboardEntry> ToEntries(SortedSetEntry[] rows, long firstRank) =>
        rows.Select((r, i) => new LeaderboardEntry(firstRank + i + 1, r.Element.ToString(), r.Score)).ToList();
}
