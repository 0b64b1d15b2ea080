using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>Protocol-level "is it up yet?" checks, cheap enough to poll.</summary>
internal static class Probes
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>True when the server answers PING with PONG (not with -LOADING while it replays its AOF).</summary>
    public static async Task<bool> RedisPingAsync(string host, int port, CancellationToken cancellationToken)
    {
        var reply = await TrySendRedisCommandAsync(host, port, "PING", cancellationToken);
        return reply is not null && reply.StartsWith("+PONG", StringComparison.Ordinal);
    }

    /// <summary>Sends one inline command and returns the first reply line, or null when the server is not reachable.</summary>
    public static async Task<string?> TrySendRedisCommandAsync(string host, int port, string command, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cts.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cts.Token);
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer, cts.Token);
            return Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (SocketException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>True when PostgreSQL accepts a connection and runs a query.</summary>
    public static async Task<bool> PostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2, CommandTimeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            // Refused, or "the database system is starting up" (a PostgresException, also an NpgsqlException).
            return false;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
