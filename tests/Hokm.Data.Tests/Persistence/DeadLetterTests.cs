using Hokm.Data.Persistence;
using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Persistence.DeadLetters;
using Hokm.Data.Persistence.Events;
using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Tests.Persistence;

/// <summary>Dead letters: kept, listed, replayed once the cause is fixed.</summary>
public abstract class DeadLetterTests(PersistenceProvider provider)
{
    [Fact]
    public async Task Dead_letters_are_kept_listed_by_page_and_read_back()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var first = await harness.DeadLetters.AddAsync(new NewDeadLetter("ROOM01", "move", "{}", "bad", 5, Sequence: 17, FirstFailureAt: PersistenceHarness.Start.AddMinutes(-3)));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await harness.DeadLetters.AddAsync(Events.Entry("card_played", "{}", "ROOM02"), "unknown type", 3);
        var third = await harness.DeadLetters.AddAsync(new NewDeadLetter("ROOM03", "action", "[]", "bad", 1));

        var page1 = await harness.DeadLetters.ListAsync(limit: 2);
        var page2 = await harness.DeadLetters.ListAsync(afterId: page1[^1].Id, limit: 2);

        Assert.Equal([first, second], page1.Select(d => d.Id));
        Assert.Equal([third], page2.Select(d => d.Id));
        Assert.Equal(3, await harness.DeadLetters.CountPendingAsync());
        var letter = await harness.DeadLetters.GetAsync(first);
        Assert.NotNull(letter);
        Assert.Equal(("ROOM01", 17L, "move", "{}", "bad", 5), (letter.Source, letter.Sequence, letter.Type, letter.Payload, letter.Error, letter.Attempts));
        Assert.Equal(PersistenceHarness.Start.AddMinutes(-3), letter.FirstFailureAt);
        Assert.Equal(PersistenceHarness.Start, letter.LastFailureAt);
        Assert.Null(letter.ReplayedAt);
        Assert.Null(await harness.DeadLetters.GetAsync(first + 1000));
    }

    [Fact]
    public async Task Marking_a_letter_replayed_takes_it_off_the_pending_list()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var id = await harness.DeadLetters.AddAsync(new NewDeadLetter("ROOM01", "move", "{}", "bad", 5));

        Assert.True(await harness.DeadLetters.MarkReplayedAsync(id));

        Assert.Empty(await harness.DeadLetters.ListAsync());
        Assert.Single(await harness.DeadLetters.ListAsync(includeReplayed: true));
        Assert.Equal(0, await harness.DeadLetters.CountPendingAsync());
        Assert.False(await harness.DeadLetters.MarkReplayedAsync(id + 1000));
    }

    [Fact]
    public async Task A_replay_with_a_corrected_payload_writes_the_entry()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var gameId = Events.NewGameId();
        var broken = Events.Entry(OutboxEvents.Move(Events.Move(gameId, 3) with { Seat = 7 }));
        var result = await harness.Sink.WriteAsync([broken]);
        var failure = Assert.Single(result.Failures);
        var id = await harness.DeadLetters.AddAsync(failure.Entry, failure.Error, attempts: 1);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var unchanged = await harness.DeadLetters.ReplayAsync(id);
        var corrected = await harness.DeadLetters.ReplayAsync(id, OutboxEvents.Move(Events.Move(gameId, 3)).Payload);

        Assert.Equal((true, false), (unchanged.Found, unchanged.Replayed));
        Assert.Contains("seat 7", unchanged.Error, StringComparison.Ordinal);
        Assert.Equal((true, true, (string?)null), (corrected.Found, corrected.Replayed, corrected.Error));
        var letter = await harness.DeadLetters.GetAsync(id);
        Assert.NotNull(letter);
        Assert.Equal(2, letter.Attempts);
        Assert.Equal(harness.Time.GetUtcNow(), letter.ReplayedAt);
        Assert.DoesNotContain("\"seat\":7", letter.Payload, StringComparison.Ordinal);
        Assert.Empty(await harness.DeadLetters.ListAsync());
        await using var context = harness.CreateContext();
        Assert.Equal(Events.Move(gameId, 3).Seat, (await context.Moves.SingleAsync(m => m.GameId == gameId && m.Seq == 3)).Seat);
    }

    [Fact]
    public async Task A_refused_entry_replays_once_its_cause_is_fixed()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        var gameId = Events.NewGameId();
        var result = await harness.Sink.WriteAsync([Events.Entry(OutboxEvents.GameStarted(Events.Game(gameId, "late-player")))]);
        var failure = Assert.Single(result.Failures);
        var id = await harness.DeadLetters.AddAsync(failure.Entry, failure.Error, attempts: 5);

        var tooEarly = await harness.DeadLetters.ReplayAsync(id);
        await harness.Accounts.CreateAsync(new NewPlayerAccount("late-player", null, "Guest", null, true));
        var fixedUp = await harness.DeadLetters.ReplayAsync(id);

        Assert.False(tooEarly.Replayed);
        Assert.True(fixedUp.Replayed);
        await using var context = harness.CreateContext();
        Assert.Equal("late-player", (await context.GamePlayers.SingleAsync(s => s.GameId == gameId && s.Seat == 0)).PlayerId);
    }

    [Fact]
    public async Task Replaying_an_unknown_id_says_so()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);

        var result = await harness.DeadLetters.ReplayAsync(424242);

        Assert.False(result.Found);
        Assert.False(result.Replayed);
    }
}

public sealed class DeadLettersOnPostgresTests() : DeadLetterTests(PersistenceProvider.PostgreSql);

public sealed class DeadLettersOnSqliteTests() : DeadLetterTests(PersistenceProvider.Sqlite);
