using Hokm.Data.Configuration;
using Hokm.Data.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hokm.Data.Tests.Live;

/// <summary>How <c>AddHokmData</c> reads its settings, and how bad settings fail at start.</summary>
public sealed class HybridDataConfigurationTests
{
    [Theory]
    [InlineData("redis://127.0.0.1:6380", "127.0.0.1:6380", null, null, null, false)]
    [InlineData("redis://:s3cret@cache.local:7000/2", "cache.local:7000", null, "s3cret", 2, false)]
    [InlineData("redis://app:p%40ss@cache.local", "cache.local:6379", "app", "p@ss", null, false)]
    [InlineData("rediss://cache.local:6380", "cache.local:6380", null, null, null, true)]
    [InlineData("cache.local:6381,password=x", "cache.local:6381", null, "x", null, false)]
    public void Redis_settings_are_read_as_url_or_configuration_string(string value, string endpoint, string? user, string? password, int? db, bool ssl)
    {
        var options = RedisConnectionStrings.Parse(value);

        Assert.Equal(endpoint, Assert.Single(options.ToString().Split(','), p => p.Contains(':', StringComparison.Ordinal) && !p.Contains('=', StringComparison.Ordinal)));
        Assert.Equal(user, options.User);
        Assert.Equal(password, options.Password);
        Assert.Equal(db, options.DefaultDatabase);
        Assert.Equal(ssl, options.Ssl);
        Assert.False(options.AbortOnConnectFail);
    }

    [Theory]
    [InlineData("redis://")]
    [InlineData("redis://host/notanumber")]
    [InlineData("   ")]
    public void A_malformed_redis_setting_is_a_format_error(string value)
    {
        Assert.ThrowsAny<Exception>(() => RedisConnectionStrings.Parse(value));
    }

    [Fact]
    public void ConnectionStrings_Redis_is_used_when_the_section_names_none_and_REDIS_URL_last()
    {
        var fromConnectionStrings = Options(new() { ["ConnectionStrings:Redis"] = "a:1", ["REDIS_URL"] = "redis://b:2" });
        var fromUrl = Options(new() { ["REDIS_URL"] = "redis://b:2" });
        var fromSection = Options(new() { ["HokmData:RedisConnection"] = "c:3", ["ConnectionStrings:Redis"] = "a:1" });

        Assert.Equal("a:1", fromConnectionStrings.RedisConnection);
        Assert.Equal("redis://b:2", fromUrl.RedisConnection);
        Assert.Equal("c:3", fromSection.RedisConnection);
        Assert.Null(Options([]).RedisConnection);
    }

    [Theory]
    [InlineData("HokmData:KeyPrefix", "hokm{x}:")]
    [InlineData("HokmData:DefaultTtl", "00:00:01")]
    [InlineData("HokmData:MaxStateBytes", "10")]
    [InlineData("HokmData:NodeId", "")]
    [InlineData("HokmData:RedisConnection", "redis://host/notanumber")]
    public void A_bad_setting_fails_when_options_are_first_resolved_with_a_clear_message(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { [key] = value }));

        Assert.NotEmpty(error.Failures);
    }

    [Fact]
    public async Task With_no_redis_configured_embedded_garnet_is_started_in_process_with_its_data_folder()
    {
        var folder = Directory.CreateTempSubdirectory("hokm-embedded-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["HokmData:Embedded:DataDirectory"] = folder,
            }).Build();
            await using (var services = new ServiceCollection().AddLogging().AddHokmData(configuration).BuildServiceProvider())
            {
                var data = services.GetRequiredService<IHybridDataLayer>();
                var connection = services.GetRequiredService<IRedisConnection>();

                var created = await data.CreateGameSessionAsync("EMBED1", "v1", [new Hokm.Data.Live.OutboxEvent("created", "c")]);

                Assert.Equal(RedisServerKind.EmbeddedGarnet, connection.Kind);
                Assert.True(created.Committed);
                Assert.Equal(Hokm.Data.Health.HealthStatus.Healthy, (await data.HealthCheckAsync()).Redis.Status);
            }

            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(folder, "garnet"), "*", SearchOption.AllDirectories));

            // A new process (here: a new container) on the same folder finds the room again.
            await using var again = new ServiceCollection().AddLogging().AddHokmData(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["HokmData:Embedded:DataDirectory"] = folder }).Build()).BuildServiceProvider();
            var state = await again.GetRequiredService<IHybridDataLayer>().GetGameSessionAsync("EMBED1");
            Assert.Equal("v1", state?.Document);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HybridDataOptions Options(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddLogging().AddHokmData(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<HybridDataOptions>>().Value;
    }
}
