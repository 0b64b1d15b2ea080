using System.Diagnostics.Metrics;
using Hokm.Data.Live;

namespace Hokm.Data.Diagnostics;

/// <summary>
/// The data layer's instruments (meter <see cref="MeterName"/>), created through
/// <see cref="IMeterFactory"/>. Tags are low-cardinality only: never a room or a player.
/// Also keeps running totals for <c>GetPerformanceMetricsAsync</c>.
/// </summary>
public sealed class HybridDataMetrics
{
    /// <summary>The meter every data-layer instrument belongs to.</summary>
    public const string MeterName = "Hokm.Data";

    private readonly Counter<long> _commits;
    private readonly Counter<long> _outboxAppended;
    private readonly Histogram<double> _commitDuration;
    private long _commitCount;
    private long _commitFailures;
    private double _commitSeconds;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public HybridDataMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _commits = meter.CreateCounter<long>("hokm.data.commits", "{commit}", "Live-tier commits by outcome.");
        _outboxAppended = meter.CreateCounter<long>("hokm.data.outbox.appended", "{event}", "Events appended to room outboxes.");
        _commitDuration = meter.CreateHistogram<double>(
            "hokm.data.commit.duration",
            "s",
            "Latency of one live-tier commit (state + outbox, one round trip).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });
    }

    /// <summary>Total commits attempted that reached the store.</summary>
    public long CommitCount => Interlocked.Read(ref _commitCount);

    /// <summary>Commits that failed because the store could not be reached.</summary>
    public long CommitFailures => Interlocked.Read(ref _commitFailures);

    /// <summary>Mean commit latency so far, in milliseconds.</summary>
    public double MeanCommitMilliseconds
    {
        get
        {
            var count = CommitCount;
            return count == 0 ? 0 : Volatile.Read(ref _commitSeconds) * 1000 / count;
        }
    }

    internal void CommitCompleted(CommitStatus status, int events, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _commitCount);
        AddSeconds(elapsed.TotalSeconds);
        _commits.Add(1, new KeyValuePair<string, object?>("status", status switch
        {
            CommitStatus.Committed => "committed",
            CommitStatus.VersionConflict => "conflict",
            _ => "not_found",
        }));
        _commitDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("store", "redis"));
        if (status == CommitStatus.Committed && events > 0)
        {
            _outboxAppended.Add(events);
        }
    }

    internal void CommitFailed()
    {
        Interlocked.Increment(ref _commitFailures);
        _commits.Add(1, new KeyValuePair<string, object?>("status", "failed"));
    }

    private void AddSeconds(double seconds)
    {
        double current, updated;
        do
        {
            current = Volatile.Read(ref _commitSeconds);
            updated = current + seconds;
        }
        while (Interlocked.CompareExchange(ref _commitSeconds, updated, current) != current);
    }
}
