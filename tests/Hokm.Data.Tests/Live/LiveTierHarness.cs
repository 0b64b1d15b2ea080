using Hokm.Data.Live;
using Hokm.Data.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Hokm.Data.Tests.Live;

/// <summary>
/// A data layer built the way a host builds it (<c>AddHokmData</c> over configuration), pointed at
/// one server, with a key prefix of its own so that tests sharing a server never see each other.
/// </summary>
internal sealed class LiveTierHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LiveTierHarness(ServiceProvider services, string prefix, IDatabase database)
    {
        _services = services;
        Prefix = prefix;
        Database = database;
        Data = services.GetRequiredService<IHybridDataLayer>();
    }

    public IHybridDataLayer Data { get; }

    public IDatabase Database { get; }

    public string Prefix { get; }

    public IServiceProvider Services => _services;

    /// <summary>Builds a data layer on the server; <paramref name="prefix"/> null means "the default prefix".</summary>
    public static Task<LiveTierHarness> CreateAsync(string connectionString, IDictionary<string, string?>? settings = null) =>
        CreateAsync(connectionString, $"t{Guid.NewGuid():N}"[..13] + ":", settings);

    public static async Task<LiveTierHarness> CreateAsync(string connectionString, string? prefix, IDictionary<string, string?>? settings = null)
    {
        prefix ??= "hokm:";
        var values = new Dictionary<string, string?>
        {
            ["HokmData:RedisConnection"] = connectionString,
            ["HokmData:KeyPrefix"] = prefix,
            ["HokmData:NodeId"] = "test-node",

            // Live-tier tests need no persistent store; keep SQLite (the fallback) out of the working folder.
            ["HokmData:Persistence:SqlitePath"] = Path.Combine(Path.GetTempPath(), $"hokm-live-{prefix.TrimEnd(':')}.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ISeatViewRedactor, PrefixRedactor>()
            .AddHokmData(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var database = await services.GetRequiredService<IRedisConnection>().GetDatabaseAsync();
        return new LiveTierHarness(services, prefix, database);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    /// <summary>A stand-in for the game server's redactor: shows which seat asked.</summary>
    private sealed class PrefixRedactor : ISeatViewRedactor
    {
        public string Redact(string document, int seat) => $"seat {seat} of {document}";
    }
}
