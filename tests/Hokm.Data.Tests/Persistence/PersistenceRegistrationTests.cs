using Hokm.Data.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hokm.Data.Tests.Persistence;

public sealed class PersistenceRegistrationTests
{
    [Fact]
    public void Without_a_postgres_setting_sqlite_runs_in_the_embedded_data_directory()
    {
        var options = Options(new() { ["HokmData:Embedded:DataDirectory"] = "/var/lib/hokm" });

        Assert.Equal(PersistenceProvider.Sqlite, options.Provider);
        Assert.Equal(Path.Combine("/var/lib/hokm", "hokm.db"), options.SqlitePath);
        Assert.Equal(20, options.PoolSize);
        Assert.True(options.ApplyMigrationsOnStart);
        Assert.False(options.EnableQueryLogging);
    }

    [Fact]
    public void The_connection_string_wins_over_database_url()
    {
        var options = Options(new()
        {
            ["ConnectionStrings:Postgres"] = "Host=primary;Database=hokm",
            ["DATABASE_URL"] = "postgresql+asyncpg://u:p@secondary/hokm",
        });

        Assert.Equal(PersistenceProvider.PostgreSql, options.Provider);
        Assert.Equal("Host=primary;Database=hokm", options.PostgresConnection);
    }

    [Fact]
    public void Database_url_selects_postgres_with_the_pool_size_of_the_options()
    {
        using var services = Build(new()
        {
            ["DATABASE_URL"] = "postgresql+asyncpg://u:p@db:5433/hokm?sslmode=disable",
            ["HokmData:Persistence:PoolSize"] = "7",
            ["ENABLE_QUERY_LOGGING"] = "true",
        });

        var connection = services.GetRequiredService<PersistenceConnection>();
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);

        Assert.Equal(PersistenceProvider.PostgreSql, connection.Provider);
        Assert.Equal(("db", 5433, "hokm", 7), (builder.Host, builder.Port, builder.Database, builder.MaxPoolSize));
        Assert.True(connection.Options.EnableQueryLogging);
        Assert.Equal("db:5433/hokm", connection.Target);
    }

    [Theory]
    [InlineData("DATABASE_URL", "mysql://u:p@h/d")]
    [InlineData("HokmData:Persistence:PoolSize", "0")]
    [InlineData("HokmData:Persistence:CommandTimeout", "00:00:00")]
    public void A_bad_setting_fails_validation_with_a_clear_message(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PersistenceOptions>>().Value);

        Assert.NotEmpty(error.Failures);
    }

    private static PersistenceOptions Options(Dictionary<string, string?> settings)
    {
        using var services = Build(settings);
        return services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddHokmPersistence(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
