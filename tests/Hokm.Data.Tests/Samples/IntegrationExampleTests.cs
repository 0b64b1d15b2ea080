using System.Text.RegularExpressions;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Sample;
using Hokm.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Data.Tests.Samples;

/// <summary>The sample program (samples/Hokm.Data.Sample) runs end to end on both kinds of stores.</summary>
public sealed partial class IntegrationExampleTests
{
    [Fact]
    public async Task The_sample_runs_on_embedded_Garnet_and_SQLite_and_everything_reaches_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("hokm-sample-");
        try
        {
            await RunAndCheckAsync(new Dictionary<string, string?> { ["HokmData:Embedded:DataDirectory"] = folder.FullName });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_sample_runs_on_real_Redis_and_PostgreSQL_and_everything_reaches_the_database()
    {
        var redis = await TestServers.GetRedisAsync();
        var postgres = await TestServers.GetPostgresAsync();
        await RunAndCheckAsync(new Dictionary<string, string?>
        {
            ["REDIS_URL"] = $"redis://{redis.Host}:{redis.Port}",
            ["DATABASE_URL"] = ToUrl(await postgres.CreateDatabaseAsync()),
            ["HokmData:KeyPrefix"] = RedisTestServer.NewKeyPrefix(),
        });
    }

    private static async Task RunAndCheckAsync(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var output = new StringWriter();

        var exit = await IntegrationExample.RunAsync(configuration, output);

        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("write-behind: 12 moves", text, StringComparison.Ordinal);
        Assert.Contains("outbox left 0", text, StringComparison.Ordinal);
        var gameId = GameLine().Match(text).Groups[1].Value;
        await using var services = new ServiceCollection().AddLogging().AddHokmData(configuration).BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<HokmDbContext>>().CreateDbContextAsync();
        Assert.Equal(13, await db.Moves.CountAsync(m => m.GameId == gameId));
        Assert.Equal("finished", (await db.Games.SingleAsync(g => g.Id == gameId)).Status);
        Assert.Equal(1, await db.Hands.CountAsync(h => h.GameId == gameId));
        Assert.True(await db.ActionLog.AnyAsync(a => a.Kind == "sample"));
    }

    private static string ToUrl(string npgsql)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(npgsql);
        var credentials = builder.Password is null ? builder.Username : $"{builder.Username}:{Uri.EscapeDataString(builder.Password)}";
        return $"postgresql+asyncpg://{credentials}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    [GeneratedRegex(@"game (\w+) moves")]
    private static partial Regex GameLine();
}
