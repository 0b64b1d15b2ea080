using System.Threading.RateLimiting;

namespace Hokm.Server.Connections;

/// <summary>
/// A socket's message budget: a token bucket (<see cref="TokenBucketRateLimiter"/>) of
/// <see cref="ConnectionOptions.Burst"/> tokens refilled at <see cref="ConnectionOptions.MessagesPerSecond"/>,
/// replenished from the injected <see cref="TimeProvider"/> rather than a timer of its own, and a
/// count of recent violations that decides when a socket is closed. Used by one receive loop only.
/// </summary>
internal sealed class SocketRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly int _burst;
    private readonly int _maxViolations;
    private readonly TimeSpan _violationWindow;
    private readonly long _origin;
    private readonly Queue<long> _violations = new();
    private long _credited;

    public SocketRateLimiter(ConnectionOptions options, TimeProvider time)
    {
        _time = time;
        _burst = options.Burst;
        _maxViolations = options.MaxRateViolations;
        _violationWindow = options.RateViolationWindow;
        _period = TimeSpan.FromSeconds(1 / options.MessagesPerSecond);
        _origin = time.GetTimestamp();
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = _period,
            AutoReplenishment = false,
            QueueLimit = 0,
        });
    }

    /// <summary>Takes one message's token; false when the budget is spent.</summary>
    public bool TryAcquire()
    {
        var periods = (long)(_time.GetElapsedTime(_origin) / _period);
        for (long i = Math.Max(_credited, periods - _burst); i < periods; i++)
        {
            _bucket.TryReplenish();
        }

        _credited = periods;
        using var lease = _bucket.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    /// <summary>Records a refused message; true when the violations in the window are too many (close the socket).</summary>
    public bool RecordViolation()
    {
        var now = _time.GetTimestamp();
        _violations.Enqueue(now);
        while (_violations.Count > 0 && _time.GetElapsedTime(_violations.Peek(), now) > _violationWindow)
        {
            _violations.Dequeue();
        }

        return _violations.Count > _maxViolations;
    }

    public void Dispose() => _bucket.Dispose();
}
