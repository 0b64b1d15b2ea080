using Hokm.Data.Embedded;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// <see cref="EmbeddedGarnetServer"/> started in the test process on a free port with its own data folder.
/// <see cref="TestServer.RestartAsync"/> disposes it and starts it again on the same folder and port —
/// the way to prove what survives a restart.
/// </summary>
public sealed class GarnetTestServer : RedisTestServer
{
    private GarnetTestServer(EmbeddedGarnetBackend backend)
        : base(ServerKind.Garnet, backend)
    {
    }

    /// <summary>The folder with Garnet's append-only file and checkpoints.</summary>
    public string DataDirectory => Embedded.DataDirectory;

    /// <summary>The running in-process server, or null while stopped.</summary>
    public EmbeddedGarnetServer? Server => Embedded.Server;

    private EmbeddedGarnetBackend Embedded => (EmbeddedGarnetBackend)Backend;

    internal static async Task<GarnetTestServer> StartNewAsync(string? dataDirectory, CancellationToken cancellationToken)
    {
        var backend = await Task.Run(() => EmbeddedGarnetBackend.StartNew(dataDirectory), cancellationToken);
        var server = new GarnetTestServer(backend);
        try
        {
            await server.RefreshVersionAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private protected override async Task<string> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var info = await ReadInfoAsync();
        return info.TryGetValue("garnet_version", out var version)
            ? version
            : throw new InvalidOperationException("INFO server has no garnet_version: this is not Garnet.");
    }
}
