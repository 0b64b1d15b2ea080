using Hokm.Data.Live;
using Hokm.Data.Persistence.DeadLetters;
using Hokm.Data.Persistence.Rooms;
using Hokm.Data.Sync;
using Microsoft.Extensions.Options;

namespace Hokm.Data.Consistency;

/// <summary>
/// Compares the live tier with the persistent tier on a sample of rooms and repairs what it can:
/// re-drives outboxes (re-index, drain now) and rebuilds Redis from PostgreSQL.
/// </summary>
internal sealed class ConsistencyChecker(
    RedisLiveStore redis,
    IPersistentRoomStore persistent,
    IDeadLetterStore deadLetters,
    HybridRoomCommitter committer,
    OutboxDrainer drainer,
    IOptions<SyncOptions> syncOptions,
    TimeProvider time)
{
    private static readonly string[] DataTypes = ["game_sessions", "outbox", "dead_letters", "all"];

    public async Task<ConsistencyReport> CheckAsync(string dataType, int sampleSize, CancellationToken cancellationToken)
    {
        if (!DataTypes.Contains(dataType, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown data type '{dataType}'; use one of {string.Join(", ", DataTypes)}.", nameof(dataType));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleSize, 10_000);
        var issues = new List<ConsistencyIssue>();
        var sampled = new HashSet<string>(StringComparer.Ordinal);
        if (dataType is "game_sessions" or "all")
        {
            foreach (var flagged in await persistent.ListNeedingRehydrationAsync(sampleSize, cancellationToken))
            {
                sampled.Add(flagged.Room);
            }

            foreach (var room in await redis.RecentRoomsAsync(sampleSize, cancellationToken))
            {
                sampled.Add(room);
            }

            foreach (var room in sampled)
            {
                var stored = await persistent.GetAsync(room, cancellationToken);
                var live = await redis.GetAsync(room, cancellationToken);
                if (stored is not null && (live is null || live.Version < stored.Version))
                {
                    issues.Add(new ConsistencyIssue(room, ConsistencyIssueKind.RedisBehindPersistent, $"Redis version {live?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, PostgreSQL version {stored.Version}"));
                }
            }
        }

        if (dataType is "outbox" or "all" or "game_sessions")
        {
            var rooms = new HashSet<string>(sampled, StringComparer.Ordinal);
            foreach (var room in await redis.GetPendingRoomsAsync(sampleSize, cancellationToken))
            {
                rooms.Add(room);
            }

            foreach (var room in rooms)
            {
                sampled.Add(room);
                var (depth, oldest, indexed) = await redis.InspectOutboxAsync(room, cancellationToken);
                if (depth > 0 && !indexed)
                {
                    issues.Add(new ConsistencyIssue(room, ConsistencyIssueKind.OutboxNotIndexed, $"{depth} entries waiting, not in the pending index"));
                }

                var age = oldest is null ? TimeSpan.Zero : time.GetUtcNow() - oldest.At;
                if (depth > 0 && age > syncOptions.Value.DegradedLag)
                {
                    issues.Add(new ConsistencyIssue(room, ConsistencyIssueKind.OutboxLagging, $"{depth} entries waiting, oldest {age.TotalSeconds:0} s old"));
                }
            }
        }

        if (dataType is "dead_letters" or "all")
        {
            var pending = await deadLetters.CountPendingAsync(cancellationToken);
            if (pending > 0)
            {
                issues.Add(new ConsistencyIssue(string.Empty, ConsistencyIssueKind.DeadLettersPending, $"{pending} dead letters not replayed"));
            }
        }

        return new ConsistencyReport(dataType, sampled.Count, issues);
    }

    public async Task<int> ResolveAsync(ConsistencyReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var resolved = 0;
        if (report.Issues.Any(static i => i.Kind == ConsistencyIssueKind.OutboxNotIndexed))
        {
            await redis.ReindexPendingRoomsAsync(cancellationToken);
            resolved += report.Issues.Count(static i => i.Kind == ConsistencyIssueKind.OutboxNotIndexed);
        }

        foreach (var issue in report.Issues)
        {
            switch (issue.Kind)
            {
                case ConsistencyIssueKind.RedisBehindPersistent:
                    await committer.RehydrateAsync(issue.Room, cancellationToken);
                    resolved++;
                    break;
                case ConsistencyIssueKind.OutboxLagging:
                    await drainer.DrainRoomAsync(issue.Room, cancellationToken);
                    resolved++;
                    break;
                default:
                    break;
            }
        }

        return resolved;
    }
}
