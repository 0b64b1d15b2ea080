using Hokm.Cli.DeadLetters;
using Hokm.Data.Live;
using Hokm.Data.Persistence;
using Hokm.Data.Persistence.DeadLetters;
using Hokm.Data.Persistence.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Cli.Tests;

/// <summary><c>hokm dead-letters</c> on an embedded (SQLite) data folder.</summary>
public sealed class DeadLettersCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hokm-cli-dl-");

    [Fact]
    public async Task A_parked_entry_is_listed_and_a_corrected_replay_writes_it()
    {
        long id;
        await using (var services = new ServiceCollection().AddLogging().AddHokmData(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["HokmData:Embedded:DataDirectory"] = _folder.FullName }).Build()).BuildServiceProvider())
        {
            await services.GetRequiredService<PersistenceMigrator>().MigrateAsync();
            var broken = new OutboxEntry("ROOM01", 7, OutboxEvents.MoveType, DateTimeOffset.UnixEpoch, """{"gameId":"g1","seq":"x"}""");
            id = await services.GetRequiredService<IDeadLetterStore>().AddAsync(broken, "bad seq", 3);
        }

        var listed = new StringWriter();
        Assert.Equal(0, await DeadLettersCommand.ListAsync(_folder.FullName, 50, false, listed, TextWriter.Null, CancellationToken.None));
        Assert.Contains("ROOM01\t7\tmove\t3 attempts\tpending\tbad seq", listed.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 dead letters", listed.ToString(), StringComparison.Ordinal);

        var still = new StringWriter();
        Assert.Equal(1, await DeadLettersCommand.ReplayAsync(_folder.FullName, id, null, TextWriter.Null, still, CancellationToken.None));
        Assert.Contains("failed", still.ToString(), StringComparison.Ordinal);

        var payload = Path.Combine(_folder.FullName, "fixed.json");
        await File.WriteAllTextAsync(payload, OutboxEvents.Move(new MoveRecorded("g1", 7, 1, 2, 3, MoveKind.Play, false, DateTimeOffset.UnixEpoch, Card: "AS")).Payload);
        var replayed = new StringWriter();
        Assert.Equal(0, await DeadLettersCommand.ReplayAsync(_folder.FullName, id, payload, replayed, TextWriter.Null, CancellationToken.None));
        Assert.Contains($"dead letter {id} replayed", replayed.ToString(), StringComparison.Ordinal);

        var after = new StringWriter();
        await DeadLettersCommand.ListAsync(_folder.FullName, 50, false, after, TextWriter.Null, CancellationToken.None);
        Assert.Contains("0 dead letters", after.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaying_an_unknown_id_or_a_missing_payload_file_exits_2()
    {
        Assert.Equal(2, await DeadLettersCommand.ReplayAsync(_folder.FullName, 999, null, TextWriter.Null, TextWriter.Null, CancellationToken.None));
        Assert.Equal(2, await DeadLettersCommand.ReplayAsync(_folder.FullName, 1, Path.Combine(_folder.FullName, "none.json"), TextWriter.Null, TextWriter.Null, CancellationToken.None));
        Assert.Equal(2, await DeadLettersCommand.ListAsync(_folder.FullName, 0, false, TextWriter.Null, TextWriter.Null, CancellationToken.None));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
