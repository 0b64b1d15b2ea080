namespace Hokm.Data.Tests.Infrastructure;

/// <summary>How one server is run: an external one, a container, a local process or in-process Garnet.</summary>
internal interface IServerBackend : IAsyncDisposable
{
    ServerSource Source { get; }

    string Host { get; }

    int Port { get; }

    /// <summary>The operating-system process id of the server, where this process started it.</summary>
    int? ProcessId { get; }

    bool IsRunning { get; }

    bool IsControllable { get; }

    /// <summary>Starts the server again on the same port and data, returning once it answers.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Graceful shutdown.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Abrupt end: SIGKILL for processes, no shutdown work.</summary>
    Task KillAsync(CancellationToken cancellationToken);

    /// <summary>Recent server output, for failure messages.</summary>
    string Diagnostics();

    /// <summary>Synchronous last-resort cleanup when the test process exits.</summary>
    void CleanUpAtExit();
}
