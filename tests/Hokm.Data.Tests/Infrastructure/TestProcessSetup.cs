using System.Runtime.CompilerServices;

namespace Hokm.Data.Tests.Infrastructure;

internal static class TestProcessSetup
{
    /// <summary>Minimum thread-pool threads for the test process.</summary>
    public const int MinThreads = 32;

    /// <summary>
    /// On a 2-core machine the pool starts with 2 threads and adds about one per half second when they are all
    /// busy. The test host, parallel tests, StackExchange.Redis and in-process Garnet (which blocks pool threads
    /// while it waits on its log) exhaust that at once, turning millisecond operations into half-second stalls
    /// and timeouts. Raising the minimum up front is the usual cure.
    /// </summary>
    [ModuleInitializer]
    internal static void RaiseThreadPoolMinimum()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinThreads), Math.Max(io, MinThreads));
    }
}
