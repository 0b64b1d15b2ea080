using System.Collections.Concurrent;

namespace Hokm.Cli.Load;

/// <summary>What the bots measure while the run goes on; every member is safe to update from any thread.</summary>
internal sealed class LoadMetrics
{
    private long _moves;
    private long _gamesStarted;
    private long _gamesFinished;
    private long _reconnects;
    private long _socketsOpen;
    private long _socketsPeak;

    public LatencyHistogram Connect { get; } = new();

    public LatencyHistogram MoveRoundTrip { get; } = new();

    /// <summary>Sync lag samples read from the server's <c>/metrics</c> during the run.</summary>
    public LatencyHistogram SyncLag { get; } = new();

    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public long Moves => Interlocked.Read(ref _moves);

    public long GamesStarted => Interlocked.Read(ref _gamesStarted);

    public long GamesFinished => Interlocked.Read(ref _gamesFinished);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long SocketsOpen => Interlocked.Read(ref _socketsOpen);

    public long SocketsPeak => Interlocked.Read(ref _socketsPeak);

    public long ErrorCount => Errors.Values.Sum();

    public void Move() => Interlocked.Increment(ref _moves);

    public void GameStarted() => Interlocked.Increment(ref _gamesStarted);

    public void GameFinished() => Interlocked.Increment(ref _gamesFinished);

    public void Reconnected() => Interlocked.Increment(ref _reconnects);

    public void Error(string code) => Errors.AddOrUpdate(code, 1, static (_, n) => n + 1);

    public void SocketOpened()
    {
        var open = Interlocked.Increment(ref _socketsOpen);
        var peak = Interlocked.Read(ref _socketsPeak);
        while (open > peak && Interlocked.CompareExchange(ref _socketsPeak, open, peak) != peak)
        {
            peak = Interlocked.Read(ref _socketsPeak);
        }
    }

    public void SocketClosed() => Interlocked.Decrement(ref _socketsOpen);
}
