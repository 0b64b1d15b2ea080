using System.Data.Common;
using System.Diagnostics;

namespace Hokm.Data.Persistence;

/// <summary>Checks that the persistent store answers: <c>SELECT 1</c> with a short timeout.</summary>
public sealed class PersistenceHealthProbe
{
    private readonly PersistenceConnection _connection;

    internal PersistenceHealthProbe(PersistenceConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Runs the probe; never throws for a store that is down (it reports it), only on cancellation by the caller.</summary>
    public async Task<PersistenceProbeResult> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var timeout = _connection.Options.ProbeTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var db = await _connection.OpenAsync(cts.Token);
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT 1";
            command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
            await command.ExecuteScalarAsync(cts.Token);
            return new PersistenceProbeResult(_connection.Provider, true, db.ServerVersion, Stopwatch.GetElapsedTime(started), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Down($"no answer within {timeout.TotalMilliseconds:0} ms", started);
        }
        catch (Exception ex) when (ex is DbException or IOException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return Down(ex.Message, started);
        }
    }

    private PersistenceProbeResult Down(string error, long started) =>
        new(_connection.Provider, false, null, Stopwatch.GetElapsedTime(started), error);
}
