using System.CommandLine;
using System.Globalization;
using Hokm.Data.Persistence;
using Hokm.Data.Persistence.DeadLetters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Cli.DeadLetters;

/// <summary>
/// <c>hokm dead-letters list</c> and <c>hokm dead-letters replay ID [--payload FILE]</c>: inspect
/// and replay outbox entries the sync worker parked. The database comes from the same settings as
/// the server (<c>DATABASE_URL</c>, <c>ConnectionStrings__Postgres</c>, <c>HokmData__…</c>;
/// SQLite under <c>--data</c> otherwise).
/// </summary>
internal static class DeadLettersCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder of an embedded (SQLite) server.", DefaultValueFactory = _ => "data" };
        var limit = new Option<int>("--limit") { Description = "How many to list (1–1000).", DefaultValueFactory = _ => 50 };
        var all = new Option<bool>("--all") { Description = "Include replayed ones." };
        var list = new Command("list", "List dead letters, oldest first.") { data, limit, all };
        list.SetAction((parse, ct) => ListAsync(parse.GetValue(data)!, parse.GetValue(limit), parse.GetValue(all), Console.Out, Console.Error, ct));

        var id = new Argument<long>("ID") { Description = "The dead letter's id." };
        var payload = new Option<string?>("--payload") { Description = "A file with the corrected payload (JSON)." };
        var replay = new Command("replay", "Write a dead letter through the sink again (optionally corrected).") { id, payload, data };
        replay.SetAction((parse, ct) => ReplayAsync(parse.GetValue(data)!, parse.GetValue(id), parse.GetValue(payload), Console.Out, Console.Error, ct));

        return new Command("dead-letters", "Inspect and replay outbox entries that could not be written.") { list, replay };
    }

    internal static async Task<int> ListAsync(string dataFolder, int limit, bool includeReplayed, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            await error.WriteLineAsync("error: --limit must be 1–1000");
            return 2;
        }

        await using var services = Build(dataFolder);
        await services.GetRequiredService<PersistenceMigrator>().MigrateAsync(cancellationToken);
        var letters = await services.GetRequiredService<IDeadLetterStore>().ListAsync(0, limit, includeReplayed, cancellationToken);
        foreach (var letter in letters)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{letter.Id}\t{letter.Source}\t{letter.Sequence}\t{letter.Type}\t{letter.Attempts} attempts\t{(letter.ReplayedAt is null ? "pending" : "replayed")}\t{letter.Error}"));
        }

        await output.WriteLineAsync($"{letters.Count} dead letters");
        return 0;
    }

    internal static async Task<int> ReplayAsync(string dataFolder, long id, string? payloadFile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? payload = null;
        if (payloadFile is not null)
        {
            if (!File.Exists(payloadFile))
            {
                await error.WriteLineAsync($"error: no such file: {payloadFile}");
                return 2;
            }

            payload = await File.ReadAllTextAsync(payloadFile, cancellationToken);
        }

        await using var services = Build(dataFolder);
        await services.GetRequiredService<PersistenceMigrator>().MigrateAsync(cancellationToken);
        var result = await services.GetRequiredService<IDeadLetterStore>().ReplayAsync(id, payload, cancellationToken);
        if (!result.Found)
        {
            await error.WriteLineAsync($"error: no dead letter {id}");
            return 2;
        }

        if (!result.Replayed)
        {
            await error.WriteLineAsync($"replay of {id} failed: {result.Error}");
            return 1;
        }

        await output.WriteLineAsync($"dead letter {id} replayed");
        return 0;
    }

    private static ServiceProvider Build(string dataFolder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["HokmData:Embedded:DataDirectory"] = dataFolder })
            .AddEnvironmentVariables()
            .Build();
        return new ServiceCollection().AddLogging().AddHokmData(configuration).BuildServiceProvider();
    }
}
