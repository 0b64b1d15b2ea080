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

    /// <summary>
    /// Sends one inline command answered with a bulk string (<c>CLUSTER INFO</c>, <c>INFO</c>) and returns the
    /// string, or null when the server is not reachable or answers something else (an error, <c>-LOADING</c>).
    /// </summary>
    public static async Task<string?> TryReadRedisBulkStringAsync(string host, int port, string command, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cts.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cts.Token);

            // Bounded by the buffer and the timeout: a reply longer than 64 KiB is not one this probe expects.
            var buffer = new byte[64 * 1024];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(total), cts.Token);
                if (read == 0)
                {
                    return null;
                }

                total += read;
                if (buffer[0] != (byte)'$')
                {
                    return null;
                }

                var text = Encoding.ASCII.GetString(buffer, 0, total);
                var headerEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
                if (headerEnd > 0)
                {
                    if (!int.TryParse(text.AsSpan(1, headerEnd - 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var length) || length < 0)
                    {
                        return null;
                    }

                    if (total >= headerEnd + 2 + length)
                    {
                        return text.Substring(headerEnd + 2, length);
                    }
                }
            }

            return null;
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
