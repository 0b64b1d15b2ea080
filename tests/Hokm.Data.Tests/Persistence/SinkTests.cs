using System.Text.Json;
using Hokm.Data.Live;
using Hokm.Data.Persistence;
using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Sink;
using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Tests.Persistence;

/// <summary>The idempotent sink, on each provider.</summary>
public abstract class SinkTests(PersistenceProvider provider)
{
    [Fact]
    public async Task Every_event_type_round_trips_into_its_table()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await harness.Accounts.CreateAsync(new NewPlayerAccount("p1", "sara", "Sara", "hash", false));
        var gameId = Events.NewGameId();
        var game = Events.Game(gameId, "p1");
        var trump = Events.Move(gameId, 1);
        var play = Events.Move(gameId, 2);
        var hand = Events.Hand(gameId, 1, hakem: 2, winner: TeamSide.B, kot: KotKind.HakemKot);
        var action = Events.Action("p1", gameId);

        var result = await harness.Sink.WriteAsync(
        [
            Events.Entry(OutboxEvents.GameStarted(game)),
            Events.Entry(OutboxEvents.Move(trump)),
            Events.Entry(OutboxEvents.Move(play)),
            Events.Entry(OutboxEvents.HandCompleted(hand)),
            Events.Entry(OutboxEvents.Action(action)),
        ]);

        Assert.True(result.Succeeded);
        Assert.Equal(5, result.Written);
        Assert.Equal(5, result.Inserted);
        await using var context = harness.CreateContext();

        var gameRow = await context.Games.SingleAsync(g => g.Id == gameId);
        Assert.Equal((game.Room, game.StartedAt, game.TargetScore, game.SeedHash, "playing"), (gameRow.RoomCode, gameRow.StartedAt, gameRow.TargetScore, gameRow.SeedHash, gameRow.Status));
        Assert.Null(gameRow.EndedAt);
        Assert.Null(gameRow.Seed);
        Assert.Null(gameRow.Winner);

        var seats = await context.GamePlayers.Where(s => s.GameId == gameId).OrderBy(s => s.Seat).ToListAsync();
        Assert.Equal(["A", "B", "A", "B"], seats.Select(s => s.Team));
        Assert.Equal(["p1", null, null, null], seats.Select(s => s.PlayerId));
        Assert.Equal([false, true, true, true], seats.Select(s => s.IsBot));
        Assert.Equal("Sara", seats[0].Name);

        var moves = await context.Moves.Where(m => m.GameId == gameId).OrderBy(m => m.Seq).ToListAsync();
        Assert.Equal(2, moves.Count);
        Assert.Equal((1L, 1, 0, 0, "trump", (string?)null, "H", false, trump.At), (moves[0].Seq, moves[0].Hand, moves[0].Trick, moves[0].Seat, moves[0].Kind, moves[0].Card, moves[0].Suit, moves[0].Auto, moves[0].At));
        Assert.Equal((2L, play.Trick, play.Seat, "play", "10H", (string?)null, play.At), (moves[1].Seq, moves[1].Trick, moves[1].Seat, moves[1].Kind, moves[1].Card, moves[1].Suit, moves[1].At));

        var handRow = await context.Hands.SingleAsync(h => h.GameId == gameId);
        Assert.Equal((1, 2, "S", false, 0, 7, "B", 3, "hakem_kot"), (handRow.Number, handRow.Hakem, handRow.Trump, handRow.TrumpAuto, handRow.TricksA, handRow.TricksB, handRow.Winner, handRow.Points, handRow.Kot));

        var actionRow = await context.ActionLog.SingleAsync(a => a.Id == action.Id);
        Assert.Equal(("p1", gameId, "chat", action.At), (actionRow.PlayerId, actionRow.GameId, actionRow.Kind, actionRow.At));
        using var data = JsonDocument.Parse(actionRow.Data);
        Assert.Equal("salam", data.RootElement.GetProperty("text").GetString());
        Assert.Equal(1, data.RootElement.GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Redelivering_a_batch_adds_no_rows()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var gameId = Events.NewGameId();
        // More moves than PostgresSinkWriter.CopyThreshold: the first delivery takes the COPY path, the second the ON CONFLICT one.
        var batch = Events.Moves(gameId, 1, 300);
        batch.Add(Events.Entry(OutboxEvents.GameStarted(Events.Game(gameId))));
        batch.Add(Events.Entry(OutboxEvents.HandCompleted(Events.Hand(gameId, 1))));
        batch.Add(Events.Entry(OutboxEvents.Action(Events.Action())));

        var first = await harness.Sink.WriteAsync(batch);
        var second = await harness.Sink.WriteAsync(batch);

        Assert.Equal((303, 303), (first.Written, first.Inserted));
        Assert.Equal((303, 0), (second.Written, second.Inserted));
        Assert.True(second.Succeeded);
        await using var context = harness.CreateContext();
        Assert.Equal(300, await context.Moves.CountAsync(m => m.GameId == gameId));
        Assert.Equal(1, await context.Games.CountAsync(g => g.Id == gameId));
        Assert.Equal(4, await context.GamePlayers.CountAsync(s => s.GameId == gameId));
        Assert.Equal(1, await context.Hands.CountAsync(h => h.GameId == gameId));
        Assert.Equal(1, await context.ActionLog.CountAsync());
    }

    [Theory]
    [InlineData(60, 20)]
    [InlineData(400, 100)]
    public async Task Overlapping_batches_leave_exactly_one_row_per_move(int size, int overlap)
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var gameId = Events.NewGameId();

        var first = await harness.Sink.WriteAsync(Events.Moves(gameId, 1, size));
        var second = await harness.Sink.WriteAsync(Events.Moves(gameId, size - overlap + 1, (2 * size) - overlap));

        Assert.Equal(size, first.Inserted);
        Assert.Equal((size, size - overlap), (second.Written, second.Inserted));
        await using var context = harness.CreateContext();
        var seqs = await context.Moves.Where(m => m.GameId == gameId).Select(m => m.Seq).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, (2 * size) - overlap).Select(i => (long)i), seqs);
    }

    [Fact]
    public async Task The_same_entry_twice_in_one_batch_is_stored_once()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var gameId = Events.NewGameId();
        var moves = Events.Moves(gameId, 1, 40);
        var game = Events.Entry(OutboxEvents.GameStarted(Events.Game(gameId)));

        var result = await harness.Sink.WriteAsync([game, .. moves, game, .. moves]);

        Assert.True(result.Succeeded);
        Assert.Equal((82, 41), (result.Written, result.Inserted));
        await using var context = harness.CreateContext();
        Assert.Equal(40, await context.Moves.CountAsync(m => m.GameId == gameId));
        Assert.Equal(4, await context.GamePlayers.CountAsync(s => s.GameId == gameId));
    }

    [Fact]
    public async Task Poison_entries_are_reported_and_do_not_block_the_rest()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var gameId = Events.NewGameId();
        var good = Events.Moves(gameId, 1, 6);
        var notJson = Events.Entry("move", "{not json");
        var unknown = Events.Entry("card_played", """{"seat":0}""");
        var corrupted = new OutboxEntry("ROOM01", -1, "", PersistenceHarness.Start, "garbage|||");
        var badSeat = Events.Entry(OutboxEvents.Move(Events.Move(gameId, 7) with { Seat = 9 }));
        var missingField = Events.Entry("move", """{"gameId":"g","seq":1}""");
        var nullPayload = Events.Entry("hand_completed", "null");

        var result = await harness.Sink.WriteAsync([good[0], notJson, good[1], unknown, good[2], corrupted, good[3], badSeat, good[4], missingField, good[5], nullPayload]);

        Assert.Equal((12, 6, 6), (result.Entries, result.Written, result.Inserted));
        Assert.Equal(6, result.Failures.Count);
        Assert.Equal(SinkFailureReason.Malformed, Reason(result, notJson));
        Assert.Equal(SinkFailureReason.UnknownType, Reason(result, unknown));
        Assert.Equal(SinkFailureReason.Corrupted, Reason(result, corrupted));
        Assert.Equal(SinkFailureReason.Malformed, Reason(result, badSeat));
        Assert.Equal(SinkFailureReason.Malformed, Reason(result, missingField));
        Assert.Equal(SinkFailureReason.Malformed, Reason(result, nullPayload));
        Assert.Contains("seat 9", result.Failures.Single(f => f.Entry == badSeat).Error, StringComparison.Ordinal);
        await using var context = harness.CreateContext();
        Assert.Equal(6, await context.Moves.CountAsync(m => m.GameId == gameId));
    }

    [Fact]
    public async Task A_row_the_database_refuses_is_reported_and_the_rest_of_the_batch_is_written()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await harness.Accounts.CreateAsync(new NewPlayerAccount("known", "known", "Known", "h", false));
        var goodGame = Events.NewGameId();
        var badGame = Events.NewGameId();

        // Valid JSON with valid values, but seat 0 names a player the database does not know (foreign key).
        var refused = Events.Entry(OutboxEvents.GameStarted(Events.Game(badGame, "nobody")));
        var result = await harness.Sink.WriteAsync(
        [
            Events.Entry(OutboxEvents.GameStarted(Events.Game(goodGame, "known"))),
            .. Events.Moves(goodGame, 1, 150),
            refused,
            .. Events.Moves(badGame, 1, 150),
            Events.Entry(OutboxEvents.HandCompleted(Events.Hand(goodGame, 1))),
            Events.Entry(OutboxEvents.Action(Events.Action())),
        ]);

        var failure = Assert.Single(result.Failures);
        Assert.Same(refused, failure.Entry);
        Assert.Equal(SinkFailureReason.Rejected, failure.Reason);
        Assert.Equal((304, 303, 303), (result.Entries, result.Written, result.Inserted));
        await using var context = harness.CreateContext();
        Assert.True(await context.Games.AnyAsync(g => g.Id == goodGame));
        Assert.False(await context.Games.AnyAsync(g => g.Id == badGame));
        Assert.False(await context.GamePlayers.AnyAsync(s => s.GameId == badGame));
        Assert.Equal(150, await context.Moves.CountAsync(m => m.GameId == badGame));
        Assert.Equal(1, await context.Hands.CountAsync());
        Assert.Equal(1, await context.ActionLog.CountAsync());
    }

    [Fact]
    public async Task A_store_error_writes_nothing_of_the_batch_and_throws()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var gameId = Events.NewGameId();
        await using (var context = harness.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE hands RENAME TO hands_away");
        }

        // Actions and moves are written before hands in the same transaction: the failure must undo them.
        await Assert.ThrowsAnyAsync<Exception>(() => harness.Sink.WriteAsync(
        [
            .. Events.Moves(gameId, 1, 4),
            Events.Entry(OutboxEvents.HandCompleted(Events.Hand(gameId, 1))),
            Events.Entry(OutboxEvents.Action(Events.Action())),
        ]));

        await using var after = harness.CreateContext();
        Assert.Equal(0, await after.Moves.CountAsync());
        Assert.Equal(0, await after.ActionLog.CountAsync());
    }

    [Fact]
    public async Task Nothing_to_write_is_not_an_error()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);

        var result = await harness.Sink.WriteAsync([]);

        Assert.Equal(new SinkResult(0, 0, 0, []).Entries, result.Entries);
        Assert.True(result.Succeeded);
    }

    private static SinkFailureReason Reason(SinkResult result, OutboxEntry entry) =>
        Assert.Single(result.Failures, f => ReferenceEquals(f.Entry, entry)).Reason;
}

public sealed class SinkOnPostgresTests() : SinkTests(PersistenceProvider.PostgreSql);

public sealed class SinkOnSqliteTests() : SinkTests(PersistenceProvider.Sqlite);
