using Hokm.Data.Live;
using Hokm.Data.Persistence.DeadLetters;
using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Tests.Sync;

/// <summary>
/// The write-behind worker's promises that hold on either persistent store: poison entries are
/// dead-lettered without holding up their batch and can be replayed; a graceful shutdown flushes.
/// </summary>
public abstract class SyncWorkerTests(bool embedded) : HybridHarnessTests(embedded)
{
    [Fact]
    public async Task A_poison_entry_goes_to_dead_letters_after_the_maximum_attempts_while_the_rest_of_its_batch_is_written()
    {
        await Harness.Data.CreateGameSessionAsync("POISON", "s0");
        var poison = new OutboxEvent(OutboxEvents.MoveType, """{"gameId":"g-poison","seq":"not a number"}""");
        await Harness.Data.ExecutePlayerMoveAsync("POISON", 1, "s1", [HybridHarness.Move("g-poison", 1), poison, HybridHarness.Move("g-poison", 3)]);

        await Harness.Drainer.DrainPassAsync();
        Assert.Equal(2, await Harness.CountMovesAsync("g-poison"));
        Assert.Empty(await DeadLettersAsync());

        await Harness.DrainAllAsync(TimeSpan.FromSeconds(20));

        var letter = Assert.Single(await DeadLettersAsync());
        Assert.Equal(3, letter.Attempts);
        Assert.Equal("POISON", letter.Source);
        Assert.Equal(2, letter.Sequence);
        Assert.Equal(0, await Harness.Data.Outbox.GetDepthAsync("POISON"));
        Assert.Equal(2, await Harness.CountMovesAsync("g-poison"));

        // The cause fixed (here: the payload corrected by an operator), replay writes it.
        var replay = await DeadLetterStore.ReplayAsync(letter.Id, OutboxEvents.Move(new MoveRecorded("g-poison", 2, 1, 1, 1, MoveKind.Play, false, DateTimeOffset.UnixEpoch, Card: "KS")).Payload);
        Assert.True(replay.Replayed, replay.Error);
        Assert.Equal(3, await Harness.CountMovesAsync("g-poison"));
        Assert.Empty(await DeadLetterStore.ListAsync());
    }

    [Fact]
    public async Task One_pass_writes_many_rooms_together_and_a_poison_entry_holds_back_only_its_own_room()
    {
        // 30 rooms of 5 moves: with at most 40 entries per write the pass makes several
        // multi-room writes (one transaction each); one room has a poison entry in the middle.
        const int rooms = 30;
        await Task.WhenAll(Enumerable.Range(0, rooms).Select(i => Harness.PlayAsync($"MANY{i:D2}", $"g-many-{i:D2}", 5)));
        await Harness.Data.CreateGameSessionAsync("MIXED1", "s0");
        var poison = new OutboxEvent(OutboxEvents.MoveType, """{"gameId":"g-mixed","seq":"not a number"}""");
        await Harness.Data.ExecutePlayerMoveAsync("MIXED1", 1, "s1", [HybridHarness.Move("g-mixed", 1), poison, HybridHarness.Move("g-mixed", 3)]);

        var written = await Harness.Drainer.DrainPassAsync();

        Assert.Equal((rooms * 5) + 2, written);
        Assert.Equal(rooms * 5, await Harness.CountMovesAsync("g-many-"));
        for (var i = 0; i < rooms; i++)
        {
            Assert.Equal(0, await Harness.Data.Outbox.GetDepthAsync($"MANY{i:D2}"));
        }

        // The poison room: both good moves stored, its outbox acknowledged only up to the entry before the poison.
        Assert.Equal(2, await Harness.CountMovesAsync("g-mixed"));
        Assert.Equal(2, await Harness.Data.Outbox.GetDepthAsync("MIXED1"));
        Assert.Equal(["MIXED1"], await Harness.Data.Outbox.GetPendingRoomsAsync(100));
        Assert.Empty(await DeadLettersAsync());
    }

    [Fact]
    public async Task Graceful_shutdown_with_a_full_outbox_ends_with_the_outbox_empty_and_the_database_complete()
    {
        const int rooms = 20;
        const int movesPerRoom = 60;
        await Task.WhenAll(Enumerable.Range(0, rooms).Select(i => Harness.PlayAsync($"STOP{i:D2}", $"g-stop-{i:D2}", movesPerRoom)));
        Assert.Equal(0, await Harness.CountMovesAsync("g-stop-"));

        var hosted = await Harness.StartHostedServicesAsync();

        // Stop at once, as a host does on SIGTERM: the worker's stop flushes before it returns.
        await HybridHarness.StopHostedServicesAsync(hosted);

        Assert.Equal(rooms * movesPerRoom, await Harness.CountMovesAsync("g-stop-"));
        for (var i = 0; i < rooms; i++)
        {
            Assert.Equal(0, await Harness.Data.Outbox.GetDepthAsync($"STOP{i:D2}"));
        }

        Assert.Empty(await Harness.Data.Outbox.GetPendingRoomsAsync(100));
    }

    [Fact]
    public async Task Redelivered_entries_add_no_rows()
    {
        await Harness.PlayAsync("AGAIN1", "g-again", 30);
        var batch = await Harness.Data.Outbox.LeaseAsync("AGAIN1", "first", 100, TimeSpan.FromMilliseconds(200));
        var sink = Harness.Sink;

        var first = await sink.WriteAsync(batch.Entries);
        var second = await sink.WriteAsync(batch.Entries);

        Assert.Equal((30, 30), (first.Written, first.Inserted));
        Assert.Equal((30, 0), (second.Written, second.Inserted));
        Assert.Equal(30, await Harness.CountMovesAsync("g-again"));
    }

    private IDeadLetterStore DeadLetterStore => Harness.DeadLetters;

    private Task<IReadOnlyList<DeadLetter>> DeadLettersAsync() => DeadLetterStore.ListAsync();
}

/// <summary>The worker over real Redis and PostgreSQL.</summary>
public sealed class SyncWorkerOnPostgresTests() : SyncWorkerTests(embedded: false);

/// <summary>The worker over embedded Garnet and SQLite: the zero-install default.</summary>
public sealed class SyncWorkerOnSqliteTests() : SyncWorkerTests(embedded: true);
