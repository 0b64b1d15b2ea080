using BenchmarkDotNet.Attributes;
using Hokm.Data;
using Hokm.Data.Live;
using Hokm.Data.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Hokm.Benchmarks.Live;

/// <summary>
/// One live-tier commit (version check, ~1 KB state, one outbox event, version bump, TTL refresh,
/// pipelined index hints) against a raw EVALSHA of a trivial script, on the same real Redis in the
/// same run. <c>Sequential</c> measures latency (one in flight); <c>Concurrent</c> measures
/// throughput with 64 rooms in flight at once.
/// </summary>
[MemoryDiagnoser]
public class CommitBenchmarks
{
    private const int InFlight = 64;
    private const string TrivialScript = "return 1";

    private static readonly string Document = """{"phase":"playing","seat":0,"hakem":1,"trump":"H","turn":2,"hands":[""" + string.Join(",", Enumerable.Repeat("[\"AS\",\"KS\",\"QS\",\"JS\",\"10S\",\"9S\",\"8S\",\"7S\",\"6S\",\"5S\",\"4S\",\"3S\",\"2S\"]", 4)) + """],"trick":[{"seat":1,"card":"AH"}],"tricks":{"A":3,"B":2},"score":{"A":4,"B":5},"handNumber":6,"padding":"................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................"}""";

    private static readonly OutboxEvent[] Events = [new("move", """{"gameId":"0f8fad5bd9cb469fa16570867728950e","seq":123,"hand":6,"trick":4,"seat":2,"kind":"play","card":"QH","auto":false,"at":"2026-11-26T04:00:00Z"}""")];

    private LocalRedisServer _server = null!;
    private ServiceProvider _services = null!;
    private IHybridDataLayer _data = null!;
    private IDatabase _db = null!;
    private long[] _versions = null!;
    private string[] _rooms = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = LocalRedisServer.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HokmData:RedisConnection"] = _server.ConnectionString,
            ["HokmData:KeyPrefix"] = "bench:",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddHokmData(configuration).BuildServiceProvider();
        _data = _services.GetRequiredService<IHybridDataLayer>();
        _db = _services.GetRequiredService<IRedisConnection>().GetDatabaseAsync().AsTask().GetAwaiter().GetResult();
        _rooms = Enumerable.Range(0, InFlight).Select(i => $"BENCH{i:D2}").ToArray();
        _versions = new long[InFlight];
        foreach (var room in _rooms)
        {
            _data.CreateGameSessionAsync(room, Document).GetAwaiter().GetResult();
        }

        Array.Fill(_versions, 1);
        _db.ScriptEvaluate(TrivialScript);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // No sync worker drains the outboxes here; they grow by ~180 bytes a commit for the run.
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw EVALSHA 'return 1'")]
    public Task<RedisResult> RawEval() => _db.ScriptEvaluateAsync(TrivialScript);

    [Benchmark(Description = "commit (state + 1 event)")]
    public async Task<CommitResult> Commit()
    {
        var result = await _data.ExecutePlayerMoveAsync(_rooms[0], _versions[0], Document, Events);
        _versions[0] = result.Version;
        return result;
    }

    [Benchmark(OperationsPerInvoke = InFlight, Description = "raw EVALSHA x64 in flight")]
    public Task RawEvalConcurrent()
    {
        var tasks = new Task[InFlight];
        for (var i = 0; i < InFlight; i++)
        {
            tasks[i] = _db.ScriptEvaluateAsync(TrivialScript);
        }

        return Task.WhenAll(tasks);
    }

    [Benchmark(OperationsPerInvoke = InFlight, Description = "commit x64 rooms in flight")]
    public Task CommitConcurrent()
    {
        var tasks = new Task[InFlight];
        for (var i = 0; i < InFlight; i++)
        {
            tasks[i] = CommitRoom(i);
        }

        return Task.WhenAll(tasks);
    }

    private async Task CommitRoom(int i)
    {
        var result = await _data.ExecutePlayerMoveAsync(_rooms[i], _versions[i], Document, Events);
        _versions[i] = result.Version;
    }
}
