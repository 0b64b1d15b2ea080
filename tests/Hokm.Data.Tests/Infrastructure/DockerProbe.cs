using System.Net.Sockets;
using System.Text;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// Is a Docker engine answering? Asked once per run, quickly: a <c>GET /_ping</c> on the engine's socket with
/// a two-second budget, so a machine with the docker CLI but no daemon moves on to local binaries at once.
/// </summary>
internal static class DockerProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly Lazy<Task<(bool Available, string Detail)>> Result = new(() => Task.Run(ProbeAsync));

    public static Task<(bool Available, string Detail)> CheckAsync() => Result.Value;

    private static async Task<(bool Available, string Detail)> ProbeAsync()
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrWhiteSpace(dockerHost))
        {
            var socket = DefaultSockets().FirstOrDefault(File.Exists);
            if (socket is null)
            {
                return (false, "no Docker socket (/var/run/docker.sock) and DOCKER_HOST unset");
            }

            dockerHost = "unix://" + socket;
        }

        if (!Uri.TryCreate(dockerHost, UriKind.Absolute, out var uri))
        {
            return (false, $"DOCKER_HOST '{dockerHost}' is not a URI");
        }

        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            switch (uri.Scheme)
            {
                case "unix":
                    {
                        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(uri.AbsolutePath), cts.Token);
                        return await PingAsync(new NetworkStream(socket, ownsSocket: false), dockerHost, cts.Token);
                    }

                case "tcp":
                    {
                        using var client = new TcpClient();
                        await client.ConnectAsync(uri.Host, uri.Port, cts.Token);
                        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY")))
                        {
                            return (true, $"{dockerHost} accepts connections (TLS)");
                        }

                        return await PingAsync(client.GetStream(), dockerHost, cts.Token);
                    }

                default:
                    return (false, $"DOCKER_HOST scheme '{uri.Scheme}' not supported by the probe");
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return (false, $"no Docker engine answering at {dockerHost} ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static async Task<(bool Available, string Detail)> PingAsync(Stream stream, string endpoint, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"), cancellationToken);
            var buffer = new byte[512];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            var response = Encoding.ASCII.GetString(buffer, 0, read);
            return response.StartsWith("HTTP/1.", StringComparison.Ordinal) && response.Contains(" 200 ", StringComparison.Ordinal)
                ? (true, $"Docker engine at {endpoint}")
                : (false, $"Docker at {endpoint} answered: {response.Split('\n')[0].Trim()}");
        }
    }

    private static IEnumerable<string> DefaultSockets()
    {
        yield return "/var/run/docker.sock";
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime)
        {
            yield return Path.Combine(runtime, "docker.sock"); // rootless Docker
        }

        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "run", "docker.sock");
    }
}
