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

    private readonly Meter _meter;
    private readonly Counter<long> _commits;
    private readonly Counter<long> _outboxAppended;
    private readonly Histogram<double> _commitDuration;
    private readonly Counter<long> _breakerChanges;
    private readonly Counter<long> _fallbackCommits;
    private readonly Counter<long> _rehydrations;
    private readonly Counter<long> _syncWritten;
    private readonly Counter<long> _syncFailures;
    private readonly Counter<long> _deadLetters;
    private readonly Histogram<int> _syncBatchSize;
    private readonly Histogram<double> _syncBatchDuration;
    private readonly Histogram<double> _syncLag;
    private long _commitCount;
    private long _commitFailures;
    private double _commitSeconds;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public HybridDataMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _meter = meter;
        _commits = meter.CreateCounter<long>("hokm.data.commits", "{commit}", "Live-tier commits by outcome.");
        _outboxAppended = meter.CreateCounter<long>("hokm.data.outbox.appended", "{event}", "Events appended to room outboxes.");
        _commitDuration = meter.CreateHistogram<double>(
            "hokm.data.commit.duration",
            "s",
            "Latency of one live-tier commit (state + outbox, one round trip).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });
        _fallbackCommits = meter.CreateCounter<long>("hokm.data.commits.fallback", "{commit}", "Write-behind commits taken by PostgreSQL because Redis was down.");
        _rehydrations = meter.CreateCounter<long>("hokm.data.rehydrations", "{room}", "Rooms whose Redis state was rebuilt from PostgreSQL.");
        _breakerChanges = meter.CreateCounter<long>("hokm.data.breaker.transitions", "{transition}", "Circuit-breaker state changes by store and new state.");
        _syncWritten = meter.CreateCounter<long>("hokm.data.sync.entries", "{entry}", "Outbox entries stored in PostgreSQL by the sync worker.");
        _syncFailures = meter.CreateCounter<long>("hokm.data.sync.failures", "{batch}", "Sync batches that could not be written, by cause.");
        _deadLetters = meter.CreateCounter<long>("hokm.data.sync.dead_letters", "{entry}", "Outbox entries moved to the dead-letter store.");
        _syncBatchSize = meter.CreateHistogram<int>("hokm.data.sync.batch.size", "{entry}", "Entries per sync batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 5, 10, 25, 50, 100, 250, 500, 1000] });
        _syncBatchDuration = meter.CreateHistogram<double>("hokm.data.sync.batch.duration", "s", "Time to write one sync batch to PostgreSQL.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
        _syncLag = meter.CreateHistogram<double>("hokm.data.sync.lag", "s", "Age of the oldest entry of each batch when it reached PostgreSQL.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300] });
    }

    /// <summary>Registers gauges that read the worker's last observations.</summary>
    internal void ObserveSync(Func<long> depth, Func<double> lagSeconds, Func<long> pendingRooms)
    {
        _meter.CreateObservableGauge("hokm.data.outbox.depth", depth, "{entry}", "Entries waiting in the outboxes the sync worker last looked at.");
        _meter.CreateObservableGauge("hokm.data.outbox.pending_rooms", pendingRooms, "{room}", "Rooms whose outbox may hold entries.");
        _meter.CreateObservableGauge("hokm.data.sync.lag.current", lagSeconds, "s", "Age of the oldest entry of the last batch written.");
    }

    internal void SyncBatchWritten(int entries, int written, int deadLettered, TimeSpan elapsed, TimeSpan lag)
    {
        _syncWritten.Add(written);
        _syncBatchSize.Record(entries);
        _syncBatchDuration.Record(elapsed.TotalSeconds);
        _syncLag.Record(Math.Max(0, lag.TotalSeconds));
        if (deadLettered > 0)
        {
            _deadLetters.Add(deadLettered);
        }
    }

    internal void SyncBatchFailed(string cause) => _syncFailures.Add(1, new KeyValuePair<string, object?>("cause", cause));

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
            CommitStatus.Aborted => "aborted",
            CommitStatus.Fenced => "fenced",
            _ => "not_found",
        }));
        _commitDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("store", "redis"));
        if (status == CommitStatus.Committed && events > 0)
        {
            _outboxAppended.Add(events);
        }
    }

    internal void BreakerChanged(string store, string state) =>
        _breakerChanges.Add(1, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("state", state));

    internal void FallbackCommit() => _fallbackCommits.Add(1);

    internal void Rehydrated() => _rehydrations.Add(1);

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
