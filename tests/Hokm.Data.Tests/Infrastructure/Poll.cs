using System.Diagnostics;

namespace Hokm.Data.Tests.Infrastructure;

internal static class Poll
{
    /// <summary>
    /// Retries <paramref name="probe"/> until it returns true, bounded both in time and in attempts.
    /// <paramref name="probe"/> may throw to give up at once (e.g. the server process died).
    /// </summary>
    public static async Task UntilAsync(
        string what, Func<CancellationToken, Task<bool>> probe, TimeSpan timeout, Func<string> diagnostics, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(100);
        var maxAttempts = (int)(timeout / interval) + 1;
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; attempt < maxAttempts && Stopwatch.GetElapsedTime(started) < timeout; attempt++)
        {
            if (await probe(cancellationToken))
            {
                return;
            }

            await Task.Delay(interval, cancellationToken);
        }

        throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0} s.{Environment.NewLine}{diagnostics()}");
    }
}
