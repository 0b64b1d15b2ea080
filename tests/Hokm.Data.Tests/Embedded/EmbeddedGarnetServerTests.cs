using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hokm.Data.Embedded;
using Hokm.Data.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Hokm.Data.Tests.Embedded;

public sealed class EmbeddedGarnetServerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hokm-garnet-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Port_zero_picks_a_free_loopback_port_that_clients_reach()
    {
        using var server = EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions { DataDirectory = _directory });
        await using var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);

        var pong = await connection.GetDatabase().PingAsync();

        Assert.NotEqual(0, server.Port);
        Assert.Equal(IPAddress.Loopback, server.Endpoint.Address);
        Assert.Equal($"127.0.0.1:{server.Port}", server.ConnectionString);
        Assert.Equal(Path.GetFullPath(_directory), server.DataDirectory);
        Assert.True(server.IsDurable);
        Assert.True(pong >= TimeSpan.Zero);
    }

    [Fact]
    public async Task String_list_and_lua_written_hash_survive_a_restart_on_the_same_folder()
    {
        var options = new EmbeddedGarnetOptions { DataDirectory = _directory };
        using (var first = EmbeddedGarnetServer.Start(options))
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(first.ConnectionString))
        {
            var db = connection.GetDatabase();
            await db.StringSetAsync("hokm:{ABCD}:state", "v7");
            await db.ListRightPushAsync("hokm:{ABCD}:outbox", ["e1", "e2"]);
            await db.ScriptEvaluateAsync("redis.call('HSET', KEYS[1], 'seat', ARGV[1]); return 1", ["hokm:{ABCD}:seats"], ["north"]);
        }

        using var second = EmbeddedGarnetServer.Start(options);
        await using var reconnected = await ConnectionMultiplexer.ConnectAsync(second.ConnectionString);
        var again = reconnected.GetDatabase();

        Assert.Equal("v7", await again.StringGetAsync("hokm:{ABCD}:state"));
        Assert.Equal(["e1", "e2"], (await again.ListRangeAsync("hokm:{ABCD}:outbox")).Select(v => (string?)v));
        Assert.Equal("north", await again.HashGetAsync("hokm:{ABCD}:seats", "seat"));
    }

    [Fact]
    public async Task The_test_fixture_restarts_garnet_on_the_same_port_and_data()
    {
        await using var garnet = await TestServers.StartGarnetAsync();
        var port = garnet.Port;
        await using (var connection = await garnet.ConnectAsync())
        {
            await connection.GetDatabase().StringSetAsync("k", "before restart");
        }

        await garnet.RestartAsync();

        await using var again = await garnet.ConnectAsync();
        Assert.Equal(port, garnet.Port);
        Assert.Equal(port, garnet.Server?.Port);
        Assert.Equal("before restart", await again.GetDatabase().StringGetAsync("k"));
    }

    [Fact]
    public void A_second_server_on_the_same_folder_is_refused()
    {
        using var first = EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions { DataDirectory = _directory });

        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions { DataDirectory = _directory }));

        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taken_port_is_reported_clearly()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = Assert.Throws<InvalidOperationException>(
            () => EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions { DataDirectory = _directory, Port = port }));

        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        using var afterwards = EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions { DataDirectory = _directory }); // the folder lock was released
    }

    [Fact]
    public void Durable_mode_needs_a_data_directory_and_in_memory_mode_does_not()
    {
        Assert.Throws<ArgumentException>(() => EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions()));

        using var inMemory = EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions { Durable = false });

        Assert.False(inMemory.IsDurable);
        Assert.Null(inMemory.DataDirectory);
    }

    [Fact]
    public void Garnet_stays_off_the_console_and_logs_through_the_given_logger()
    {
        var listeners = Trace.Listeners.Count;
        var logger = new RecordingLogger();

        using (EmbeddedGarnetServer.Start(new EmbeddedGarnetOptions { DataDirectory = _directory }, logger))
        {
        }

        Assert.Equal(listeners, Trace.Listeners.Count);
        Assert.Contains(logger.Messages, m => m.StartsWith("Embedded Garnet " + EmbeddedGarnetServer.GarnetVersion, StringComparison.Ordinal));
    }

    public void Dispose() => RunDirectoryCleanup(_directory);

    private static void RunDirectoryCleanup(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class RecordingLogger : ILogger
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }
    }
}
