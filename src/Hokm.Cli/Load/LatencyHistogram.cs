using System.Numerics;

namespace Hokm.Cli.Load;

/// <summary>
/// An HDR-style histogram of durations in microseconds: exact below 1,024 µs, then 512 linear
/// sub-buckets per power of two (under 0.2 % error). Fixed memory, lock-free recording.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBits = 10;
    private const int SubCount = 1 << SubBits;
    private const int HalfSub = SubCount / 2;
    private const int MaxShift = 40;

    private readonly long[] _buckets = new long[SubCount + (MaxShift * HalfSub)];
    private long _count;
    private long _max;
    private long _sum;

    public long Count => Interlocked.Read(ref _count);

    public double MaxMs => Interlocked.Read(ref _max) / 1000.0;

    public double MeanMs => Count == 0 ? 0 : Interlocked.Read(ref _sum) / 1000.0 / Count;

    public void Record(TimeSpan elapsed) => RecordMicroseconds((long)(elapsed.Ticks / 10.0));

    public void RecordMicroseconds(long micros)
    {
        micros = Math.Max(0, micros);
        Interlocked.Increment(ref _buckets[IndexOf(micros)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, micros);
        var max = Interlocked.Read(ref _max);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The value at percentile <paramref name="percentile"/> (0..100) in milliseconds; 0 when empty.</summary>
    public double PercentileMs(double percentile)
    {
        var count = Count;
        if (count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(percentile, 0, 100) / 100.0 * count));
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return Math.Min(HighestOf(i), Interlocked.Read(ref _max)) / 1000.0;
            }
        }

        return MaxMs;
    }

    private static int IndexOf(long micros)
    {
        if (micros < SubCount)
        {
            return (int)micros;
        }

        var shift = Math.Min(MaxShift, BitOperations.Log2((ulong)micros) - (SubBits - 1));
        var sub = Math.Min(SubCount - 1, micros >> shift);
        return SubCount + ((shift - 1) * HalfSub) + (int)(sub - HalfSub);
    }

    /// <summary>The largest value that lands in bucket <paramref name="index"/>.</summary>
    private static long HighestOf(int index)
    {
        if (index < SubCount)
        {
            return index;
        }

        var shift = ((index - SubCount) / HalfSub) + 1;
        var sub = ((index - SubCount) % HalfSub) + HalfSub;
        return ((sub + 1) << shift) - 1;
    }
}
