using Hokm.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Tests.Persistence;

/// <summary>The migrations of each provider build the schema the model describes.</summary>
public abstract class SchemaTests(PersistenceProvider provider)
{
    [Fact]
    public async Task Migrations_apply_on_an_empty_database_and_match_the_model()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider, migrate: false);

        var applied = await harness.Migrator.MigrateAsync();

        Assert.Contains(applied, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        await using var context = harness.CreateContext();
        Assert.Equal(provider, context.Provider);
        Assert.False(context.Database.HasPendingModelChanges(), "The model has changes no migration carries: run dotnet ef migrations add.");
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.Players.CountAsync());
        Assert.Equal(0, await context.Games.CountAsync());
        Assert.Equal(0, await context.GamePlayers.CountAsync());
        Assert.Equal(0, await context.Hands.CountAsync());
        Assert.Equal(0, await context.Moves.CountAsync());
        Assert.Equal(0, await context.PlayerStats.CountAsync());
        Assert.Equal(0, await context.ActionLog.CountAsync());
        Assert.Equal(0, await context.DeadLetters.CountAsync());
    }

    [Fact]
    public async Task Migrating_again_does_nothing()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);

        Assert.Empty(await harness.Migrator.MigrateAsync());
    }

    [Fact]
    public async Task Tables_and_columns_are_snake_case()
    {
        await using var harness = await PersistenceHarness.CreateAsync(provider);
        await using var context = harness.CreateContext();

        // Hand-written SQL (the sink, reports) relies on these names.
        var count = await context.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM game_players WHERE player_id IS NULL AND is_bot = TRUE")
            .SingleAsync();
        Assert.Equal(0, count);
    }
}

public sealed class SchemaOnPostgresTests() : SchemaTests(PersistenceProvider.PostgreSql);

public sealed class SchemaOnSqliteTests() : SchemaTests(PersistenceProvider.Sqlite);
