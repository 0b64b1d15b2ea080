using System.Text.Json;
using Hokm.Data.Batching;
using Hokm.Data.Consistency;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Persistence.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Data.Tests.Sync;

/// <summary>
/// The write modes, transactions, sync-task priorities, batches and the consistency check, on
/// either persistent store.
/// </summary>
public abstract class WriteModeTests(bool embedded) : HybridHarnessTests(embedded)
{
    [Fact]
    public async Task Write_through_stores_state_and_events_in_PostgreSQL_before_Redis_and_leaves_the_outbox_empty()
    {
        var created = await Harness.Data.CommitAsync("WTHRU1", 0, "v1", [HybridHarness.Move("g-wthru", 1)], WriteMode.WriteThrough);

        Assert.Equal(new CommitResult(CommitStatus.Committed, 1, 1), created);
        Assert.Equal(1, await Harness.CountMovesAsync("g-wthru"));
        Assert.Equal("v1", (await Persistent.GetAsync("WTHRU1"))!.Document);
        Assert.Equal("v1", (await Harness.Data.GetLiveGameStateAsync("WTHRU1"))!.Document);
        Assert.Equal(0, await Harness.Data.Outbox.GetDepthAsync("WTHRU1"));
    }

    [Fact]
    public async Task A_write_through_transaction_over_two_rooms_writes_both_or_neither()
    {
        await Harness.Data.CommitAsync("TXA001", 0, "a1", [], WriteMode.WriteThrough);
        await Harness.Data.CommitAsync("TXB001", 0, "b1", [], WriteMode.WriteThrough);

        await using (var stale = await Harness.Data.BeginTransactionAsync(WriteMode.WriteThrough))
        {
            stale.UpdateGameSession("TXA001", 1, "a2", [HybridHarness.Move("g-tx", 1)]);
            stale.UpdateGameSession("TXB001", 0, "b-stale", [HybridHarness.Move("g-tx", 2)]);
            var refused = await stale.CommitAsync();

            Assert.False(refused.Committed);
            Assert.Equal([CommitStatus.Aborted, CommitStatus.VersionConflict], refused.Rooms.Select(r => r.Status));
        }

        Assert.Equal("a1", (await Persistent.GetAsync("TXA001"))!.Document);
        Assert.Equal(0, await Harness.CountMovesAsync("g-tx"));

        await using var good = await Harness.Data.BeginTransactionAsync(WriteMode.WriteThrough);
        good.UpdateGameSession("TXA001", 1, "a2", [HybridHarness.Move("g-tx", 1)]);
        good.UpdateGameSession("TXB001", 1, "b2", [HybridHarness.Move("g-tx", 2)]);
        good.QueueSyncTask(Action("tx"));
        var done = await good.CommitAsync();

        Assert.True(done.Committed);
        Assert.Equal(2, await Harness.CountMovesAsync("g-tx"));
        Assert.Equal(("a2", "b2"), ((await Harness.Data.GetLiveGameStateAsync("TXA001"))!.Document, (await Harness.Data.GetLiveGameStateAsync("TXB001"))!.Document));
        Assert.Equal(1, await CountActionsAsync("tx"));
    }

    [Fact]
    public async Task A_write_behind_transaction_commits_rooms_in_Redis_and_stops_at_the_first_conflict()
    {
        await Harness.Data.CreateGameSessionAsync("WBA001", "a1");
        await Harness.Data.CreateGameSessionAsync("WBB001", "b1");

        await using var tx = await Harness.Data.BeginTransactionAsync(WriteMode.WriteBehind);
        tx.UpdateGameSession("WBA001", 7, "stale");
        tx.UpdateGameSession("WBB001", 1, "b2");
        var result = await tx.CommitAsync();

        Assert.False(result.Committed);
        Assert.Equal([CommitStatus.VersionConflict, CommitStatus.Aborted], result.Rooms.Select(r => r.Status));
        Assert.Equal("b1", (await Harness.Data.GetLiveGameStateAsync("WBB001"))!.Document);
    }

    [Fact]
    public async Task An_eventual_transaction_refuses_room_state_and_queues_its_tasks()
    {
        await using var tx = await Harness.Data.BeginTransactionAsync(WriteMode.Eventual);

        Assert.Throws<InvalidOperationException>(() => tx.UpdateGameSession("EVENT1", 0, "state"));
        tx.QueueSyncTask(Action("eventual"), SyncPriority.Low);
        var result = await tx.CommitAsync();
        await Harness.DrainAllAsync(TimeSpan.FromSeconds(20));

        Assert.True(result.Committed);
        Assert.Equal(1, await CountActionsAsync("eventual"));
    }

    [Fact]
    public async Task Queued_sync_tasks_reach_PostgreSQL_at_every_priority_and_bad_ones_are_refused_up_front()
    {
        await Harness.Data.QueueSyncTaskAsync(Action("high"), SyncPriority.High);
        await Harness.Data.QueueSyncTaskAsync(Action("medium"));
        await Harness.Data.LogPlayerActionAsync(new ActionRecorded(Guid.NewGuid(), "low", JsonDocument.Parse("{}").RootElement, DateTimeOffset.UnixEpoch, "alice"));

        await Assert.ThrowsAsync<ArgumentException>(() => Harness.Data.QueueSyncTaskAsync(new OutboxEvent("move", "{not json")));
        await Assert.ThrowsAsync<ArgumentException>(() => Harness.Data.QueueSyncTaskAsync(new OutboxEvent("no_such_type", "{}")));

        // The first pass takes high and medium; low waits for its cadence.
        await Harness.Drainer.DrainPassAsync();
        Assert.Equal((1, 1, 0), (await CountActionsAsync("high"), await CountActionsAsync("medium"), await CountActionsAsync("low")));
        await Harness.DrainAllAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await CountActionsAsync("low"));
    }

    [Fact]
    public async Task A_batch_runs_every_operation_and_reports_each_on_its_own()
    {
        await Harness.Data.CreateGameSessionAsync("BATCH1", "v1");

        var results = await Harness.Data.ExecuteBatchAsync(
        [
            new BatchOperation.Commit("BATCH1", 1, "v2", [HybridHarness.Move("g-batch", 1)]),
            new BatchOperation.Commit("BATCH1", 1, "stale", []),
            new BatchOperation.Commit("a}b", 0, "bad room", []),
            new BatchOperation.SyncTask(Action("batch")),
        ]);

        Assert.True(results[0].Succeeded);
        Assert.Equal(CommitStatus.VersionConflict, results[1].Commit!.Value.Status);
        Assert.Contains("'}'", results[2].Error, StringComparison.Ordinal);
        Assert.True(results[3].Succeeded);
        await Harness.DrainAllAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await Harness.CountMovesAsync("g-batch"));
        Assert.Equal(1, await CountActionsAsync("batch"));
    }

    [Fact]
    public async Task The_consistency_check_finds_a_lost_index_hint_and_a_Redis_copy_behind_PostgreSQL_and_resolving_repairs_both()
    {
        await Harness.Data.CreateGameSessionAsync("CONS01", "v1", [HybridHarness.Move("g-cons", 1)]);
        await Harness.Data.CommitAsync("CONS02", 0, "v1", [], WriteMode.WriteThrough);
        var db = await Harness.Services.GetRequiredService<Hokm.Data.Redis.IRedisConnection>().GetDatabaseAsync();
        await db.KeyDeleteAsync($"{Harness.Prefix}outbox:pending");
        await Persistent.CommitAsync("CONS02", 1, "v2 (written while Redis was down)", 0, [], needsRehydration: true);

        var report = await Harness.Data.CheckDataConsistencyAsync("all", 100);

        Assert.Contains(report.Issues, i => i is { Room: "CONS01", Kind: ConsistencyIssueKind.OutboxNotIndexed });
        Assert.Contains(report.Issues, i => i is { Room: "CONS02", Kind: ConsistencyIssueKind.RedisBehindPersistent });

        var resolved = await Harness.Data.ResolveInconsistenciesAsync(report);

        Assert.Equal(2, resolved);
        Assert.True((await Harness.Data.CheckDataConsistencyAsync("all", 100)).Consistent);
        Assert.Equal("v2 (written while Redis was down)", (await Harness.Data.GetLiveGameStateAsync("CONS02"))!.Document);
        Assert.Contains("CONS01", await Harness.Data.Outbox.GetPendingRoomsAsync(100));
    }

    [Fact]
    public async Task An_unknown_consistency_data_type_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Harness.Data.CheckDataConsistencyAsync("players", 10));

        Assert.Contains("game_sessions", error.Message, StringComparison.Ordinal);
    }

    private IPersistentRoomStore Persistent => Harness.Services.GetRequiredService<IPersistentRoomStore>();

    private static OutboxEvent Action(string kind) =>
        OutboxEvents.Action(new ActionRecorded(Guid.NewGuid(), kind, JsonDocument.Parse("""{"n":1}""").RootElement, DateTimeOffset.UnixEpoch));

    private async Task<int> CountActionsAsync(string kind)
    {
        await using var db = await Harness.Services.GetRequiredService<IDbContextFactory<HokmDbContext>>().CreateDbContextAsync();
        return await db.ActionLog.CountAsync(a => a.Kind == kind);
    }
}

/// <summary>Write modes over real Redis and PostgreSQL.</summary>
public sealed class WriteModeOnPostgresTests() : WriteModeTests(embedded: false);

/// <summary>Write modes over embedded Garnet and SQLite.</summary>
public sealed class WriteModeOnSqliteTests() : WriteModeTests(embedded: true);
