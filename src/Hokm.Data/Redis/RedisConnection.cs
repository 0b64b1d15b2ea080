using Hokm.Data.Configuration;
using Hokm.Data.Embedded;
using Hokm.Data.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hokm.Data.Redis;

/// <summary>
/// Connects once, lazily: to the configured Redis, or — with no Redis configured — to a Garnet
/// server it starts in-process with its data under <see cref="EmbeddedStoreOptions.DataDirectory"/>.
/// </summary>
internal sealed class RedisConnection(IOptions<HybridDataOptions> options, ILogger<RedisConnection> logger) : IRedisConnection, IAsyncDisposable, IDisposable
{
    private readonly HybridDataOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;
    private IDatabase? _database;
    private EmbeddedGarnetServer? _garnet;

    public RedisServerKind Kind => string.IsNullOrWhiteSpace(_options.RedisConnection) ? RedisServerKind.EmbeddedGarnet : RedisServerKind.Redis;

    /// <summary>The embedded server, when one was started.</summary>
    public EmbeddedGarnetServer? EmbeddedServer => _garnet;

    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken = default)
    {
        if (_database is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_database is not null)
            {
                return _database;
            }

            ConfigurationOptions config;
            if (Kind == RedisServerKind.EmbeddedGarnet)
            {
                var dataDirectory = Path.GetFullPath(Path.Combine(_options.Embedded.DataDirectory, "garnet"));
                _garnet = EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions { DataDirectory = dataDirectory, Port = _options.Embedded.GarnetPort }, logger);
                config = RedisConnectionStrings.Parse(_garnet.ConnectionString);
                DataLog.EmbeddedGarnetStarted(logger, _garnet.Port, dataDirectory);
            }
            else
            {
                config = RedisConnectionStrings.Parse(_options.RedisConnection!);
            }

            _multiplexer = await ConnectionMultiplexer.ConnectAsync(config);
            _database = _multiplexer.GetDatabase();
            DataLog.RedisConnected(logger, Kind.ToString(), string.Join(",", config.EndPoints));
            return _database;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.CloseAsync();
            await _multiplexer.DisposeAsync();
        }

        _garnet?.Dispose();
        _gate.Dispose();
    }

    public void Dispose()
    {
        _multiplexer?.Close();
        _multiplexer?.Dispose();
        _garnet?.Dispose();
        _gate.Dispose();
    }
}
