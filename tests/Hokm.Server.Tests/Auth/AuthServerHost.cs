using Hokm.Server.Tests.Hosting;

namespace Hokm.Server.Tests.Auth;

/// <summary>A started server and the PostgreSQL database it was given.</summary>
internal sealed class AuthServerHost(ServerHost host, string postgres) : IAsyncDisposable
{
    public ServerHost Host { get; } = host;

    /// <summary>Connection string of the server's own PostgreSQL database.</summary>
    public string Postgres { get; } = postgres;

    public IServiceProvider Services => Host.Services;

    public HttpClient CreateClient() => Host.CreateClient();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
