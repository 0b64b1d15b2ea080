namespace Hokm.Cli.Load;

/// <summary>Summary of a <see cref="LatencyHistogram"/> in milliseconds.</summary>
internal sealed record Percentiles(long Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Percentiles Of(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return new(histogram.Count, histogram.PercentileMs(50), histogram.PercentileMs(95), histogram.PercentileMs(99), histogram.MaxMs, histogram.MeanMs);
    }
}
