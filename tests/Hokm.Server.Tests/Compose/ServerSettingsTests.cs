using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Hokm.Data.Configuration;
using Hokm.Data.Persistence;
using Hokm.Data.Sync;
using Hokm.Server.Auth;
using Hokm.Server.Hosting;
using Hokm.Server.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hokm.Server.Tests.Compose;

/// <summary>
/// The environment docker-compose.yml and the Dockerfile give the server holds only settings the
/// server reads, and they come out of the real configuration binding as meant.
/// </summary>
public sealed class ServerSettingsTests
{
    // Read by ASP.NET Core itself, not by an options class of ours.
    private static readonly HashSet<string> HostSettings = new(StringComparer.OrdinalIgnoreCase) { "ASPNETCORE_ENVIRONMENT", "Urls" };

    [Fact]
    public void The_compose_environment_configures_the_data_layer_for_the_compose_servers()
    {
        using var services = BuildServices(ComposeFile.Environment(ComposeFile.Load().Service("server")));

        var data = services.GetRequiredService<IOptions<HybridDataOptions>>().Value;
        var redis = Hokm.Data.Redis.RedisConnectionStrings.Parse(data.RedisConnection!);
        Assert.Equal("redis:6379", Assert.Single(redis.EndPoints).ToString()?.Replace("Unspecified/", "", StringComparison.Ordinal));

        var persistence = services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
        Assert.Equal(PersistenceProvider.PostgreSql, persistence.Provider);
        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse(persistence.PostgresConnection!));
        var postgresService = ComposeFile.Environment(ComposeFile.Load().Service("postgres"));
        Assert.Equal("postgres", postgres.Host);
        Assert.Equal(5432, postgres.Port);
        Assert.Equal(postgresService["POSTGRES_DB"], postgres.Database);
        Assert.Equal(postgresService["POSTGRES_USER"], postgres.Username);
        Assert.Equal(postgresService["POSTGRES_PASSWORD"], postgres.Password);

        Assert.Equal(100, services.GetRequiredService<IOptions<SyncOptions>>().Value.BatchSize);
        Assert.False(persistence.EnableQueryLogging);
        Assert.True(services.GetRequiredService<IOptions<AuthOptions>>().Value.AllowGeneratedSigningKey);
        Assert.Equal("/app/data", data.Embedded.DataDirectory);
    }

    [Fact]
    public void The_guide_variables_override_the_options_they_stand_for()
    {
        using var services = BuildServices(new Dictionary<string, string>
        {
            ["REDIS_URL"] = "redis://cache.internal:6380/2",
            ["DATABASE_URL"] = "postgresql+asyncpg://app:secret@db.internal:5433/hokm",
            ["SYNC_BATCH_SIZE"] = "250",
            ["ENABLE_QUERY_LOGGING"] = "true",
        });

        Assert.Equal("redis://cache.internal:6380/2", services.GetRequiredService<IOptions<HybridDataOptions>>().Value.RedisConnection);
        var persistence = services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
        Assert.Equal("postgresql+asyncpg://app:secret@db.internal:5433/hokm", persistence.PostgresConnection);
        Assert.True(persistence.EnableQueryLogging);
        Assert.Equal(250, services.GetRequiredService<IOptions<SyncOptions>>().Value.BatchSize);
    }

    [Fact]
    public void Every_variable_compose_and_the_dockerfile_set_is_one_the_server_reads()
    {
        var environment = new Dictionary<string, string>(ComposeFile.Environment(ComposeFile.Load().Service("server")), StringComparer.Ordinal);
        foreach (var (name, value) in DockerfileEnvironment())
        {
            environment.TryAdd(name, value);
        }

        using var services = BuildServices(environment);
        foreach (var (name, value) in environment)
        {
            if (HostSettings.Contains(name))
            {
                continue;
            }

            Assert.True(IsApplied(services, name, value), $"{name}={value} is not a setting the server reads (or it did not bind)");
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> DockerfileEnvironment()
    {
        foreach (var instruction in DockerfileTests.FinalStage.Where(static i => i.Keyword == "ENV"))
        {
            foreach (var pair in instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                Assert.True(equals > 0, $"ENV {pair}: use NAME=value");
                yield return new KeyValuePair<string, string>(pair[..equals], pair[(equals + 1)..]);
            }
        }
    }

    /// <summary>The container's environment through the same sources the server uses: appsettings.json, then environment variables.</summary>
    private static ServiceProvider BuildServices(IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(RepositoryFiles.PathOf("src/Hokm.Server/appsettings.json"))
            .AddInMemoryCollection(environment.Select(static e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddHokmData(configuration);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddOptions<AuthRateLimitOptions>().BindConfiguration(AuthRateLimitOptions.SectionName);
        services.AddOptions<LoggingOptions>().BindConfiguration(LoggingOptions.SectionName);
        services.AddOptions<GameServerOptions>().BindConfiguration(GameServerOptions.SectionName);
        return services.BuildServiceProvider();
    }

    private static bool IsApplied(IServiceProvider services, string name, string value)
    {
        switch (name)
        {
            case "REDIS_URL":
                return services.GetRequiredService<IOptions<HybridDataOptions>>().Value.RedisConnection == value;
            case "DATABASE_URL":
                return services.GetRequiredService<IOptions<PersistenceOptions>>().Value.PostgresConnection == value;
            case "SYNC_BATCH_SIZE":
                return services.GetRequiredService<IOptions<SyncOptions>>().Value.BatchSize.ToString(CultureInfo.InvariantCulture) == value;
            case "ENABLE_QUERY_LOGGING":
                return services.GetRequiredService<IOptions<PersistenceOptions>>().Value.EnableQueryLogging == bool.Parse(value);
        }

        // NAME__Section__Property: find the options class bound at the longest matching section and the property under it.
        var path = name.Split("__");
        (string Section, Func<object> Options)[] sections =
        [
            (AuthRateLimitOptions.SectionName, () => services.GetRequiredService<IOptions<AuthRateLimitOptions>>().Value),
            (AuthOptions.SectionName, () => services.GetRequiredService<IOptions<AuthOptions>>().Value),
            (LoggingOptions.SectionName, () => services.GetRequiredService<IOptions<LoggingOptions>>().Value),
            (SyncOptions.SectionName, () => services.GetRequiredService<IOptions<SyncOptions>>().Value),
            (PersistenceOptions.SectionName, () => services.GetRequiredService<IOptions<PersistenceOptions>>().Value),
            (HybridDataOptions.SectionName, () => services.GetRequiredService<IOptions<HybridDataOptions>>().Value),

            // Last: the whole Hokm section (e.g. Hokm__Cluster__Enabled), after its sub-sections bound on their own.
            (GameServerOptions.SectionName, () => services.GetRequiredService<IOptions<GameServerOptions>>().Value),
        ];
        foreach (var (section, options) in sections)
        {
            var sectionPath = section.Split(':');
            if (path.Length <= sectionPath.Length || !path.Take(sectionPath.Length).SequenceEqual(sectionPath, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            object? current = options();
            foreach (var part in path.Skip(sectionPath.Length))
            {
                var property = current?.GetType().GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null)
                {
                    return false;
                }

                current = property.GetValue(current);
            }

            return value.Length == 0
                ? current is null || (current as string)?.Length == 0
                : current is not null && Equals(current, TypeDescriptor.GetConverter(current.GetType()).ConvertFromInvariantString(value));
        }

        return false;
    }
}
