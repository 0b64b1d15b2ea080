using System.Collections.Concurrent;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>Every server still alive, so the ProcessExit handler can end them (shared ones are never disposed by a test).</summary>
internal static class ServerRegistry
{
    private static readonly ConcurrentDictionary<TestServer, byte> Live = new();

    static ServerRegistry()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUpAll();
    }

    public static void Add(TestServer server) => Live.TryAdd(server, 0);

    public static void Remove(TestServer server) => Live.TryRemove(server, out _);

    private static void CleanUpAll()
    {
        foreach (var server in Live.Keys)
        {
            try
            {
                server.CleanUpAtExit();
            }
#pragma warning disable CA1031 // Last-resort cleanup: one failure must not stop the others.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
