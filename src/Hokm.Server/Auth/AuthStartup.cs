namespace Hokm.Server.Auth;

/// <summary>Loads the signing key at start, so a missing or damaged key stops the host at once rather than failing the first sign-in.</summary>
internal sealed class AuthStartup(ITokenService tokens) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(tokens);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
