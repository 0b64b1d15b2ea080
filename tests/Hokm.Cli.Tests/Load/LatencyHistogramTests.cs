using Hokm.Cli.Load;

namespace Hokm.Cli.Tests.Load;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void An_empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.PercentileMs(99));
        Assert.Equal(0, histogram.MaxMs);
    }

    [Fact]
    public void Values_below_a_millisecond_are_exact()
    {
        var histogram = new LatencyHistogram();
        for (var us = 1; us <= 1000; us++)
        {
            histogram.RecordMicroseconds(us);
        }

        Assert.Equal(0.5, histogram.PercentileMs(50));
        Assert.Equal(0.99, histogram.PercentileMs(99));
        Assert.Equal(1.0, histogram.PercentileMs(100));
        Assert.Equal(1.0, histogram.MaxMs);
        Assert.Equal(0.5005, histogram.MeanMs, 6);
    }

    [Fact]
    public void Large_values_stay_within_a_fraction_of_a_percent()
    {
        var histogram = new LatencyHistogram();
        var random = new Random(7);
        var values = Enumerable.Range(0, 100_000).Select(_ => (long)random.Next(1, 5_000_000)).ToArray();
        foreach (var value in values)
        {
            histogram.RecordMicroseconds(value);
        }

        Array.Sort(values);
        foreach (var p in new[] { 50.0, 95.0, 99.0, 99.9 })
        {
            var exact = values[(int)Math.Ceiling(p / 100 * values.Length) - 1] / 1000.0;
            var reported = histogram.PercentileMs(p);
            Assert.InRange(reported, exact, exact * 1.002 + 0.001);
        }

        Assert.Equal(values[^1] / 1000.0, histogram.MaxMs);
    }

    [Fact]
    public void Percentiles_never_exceed_the_maximum_and_huge_values_are_clamped_not_lost()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMilliseconds(3));
        histogram.RecordMicroseconds(long.MaxValue / 2);
        histogram.RecordMicroseconds(-5);
        Assert.Equal(3, histogram.Count);
        Assert.True(histogram.PercentileMs(100) <= histogram.MaxMs);
        Assert.Equal(0, histogram.PercentileMs(1));
    }

    [Fact]
    public void Recording_from_many_threads_loses_nothing()
    {
        var histogram = new LatencyHistogram();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                histogram.RecordMicroseconds(i);
            }
        });
        Assert.Equal(80_000, histogram.Count);
        Assert.Equal(9.999, histogram.MaxMs);
    }
}
