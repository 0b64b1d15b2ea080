using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Server.Tests.ScaleOut;

/// <summary>
/// Debian's nginx (<c>/usr/sbin/nginx</c>) in front of the nodes, with its own prefix and config in a
/// temp folder and a free loopback port: round robin, WebSocket upgrade headers, long read timeout,
/// the next node tried when one refuses connections — the same settings as deploy/nginx/hokm.conf.
/// </summary>
internal sealed class NginxFront : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private NginxFront(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public Uri WebSocketUri => new($"ws://127.0.0.1:{Port}/ws");

    public static async Task<NginxFront> StartAsync(IEnumerable<NodeProcess> nodes)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's nginx (apt-get install -y nginx).");
        }

        var folder = Directory.CreateTempSubdirectory("hokm-nginx-");
        var port = NodeProcess.FreePort();
        var upstreams = new StringBuilder();
        foreach (var node in nodes)
        {
            upstreams.Append(CultureInfo.InvariantCulture, $"    server 127.0.0.1:{node.Port} max_fails=1 fail_timeout=3s;\n");
        }

        var root = Environment.UserName == "root" ? "user root;\n" : string.Empty;
        var config = $$"""
            {{root}}master_process off;
            daemon off;
            pid {{folder.FullName}}/nginx.pid;
            error_log {{folder.FullName}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{folder.FullName}}/body;
              proxy_temp_path {{folder.FullName}}/proxy;
              fastcgi_temp_path {{folder.FullName}}/fastcgi;
              uwsgi_temp_path {{folder.FullName}}/uwsgi;
              scgi_temp_path {{folder.FullName}}/scgi;
              map $http_upgrade $connection_upgrade { default upgrade; '' close; }
              upstream hokm {
            {{upstreams}}  }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://hokm;
                  proxy_http_version 1.1;
                  proxy_set_header Upgrade $http_upgrade;
                  proxy_set_header Connection $connection_upgrade;
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_connect_timeout 2s;
                  proxy_read_timeout 3600s;
                  proxy_send_timeout 3600s;
                  proxy_next_upstream error timeout;
                }
              }
            }
            """;
        var path = Path.Combine(folder.FullName, "nginx.conf");
        await File.WriteAllTextAsync(path, config);
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder.FullName + "/", "-c", path })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var front = new NginxFront(process, folder, port);
        await Poll.UntilAsync(
            $"nginx listening on {port}",
            async ct =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync(ct)} {front.ErrorLog()}");
                }

                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync("127.0.0.1", port);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(20),
            front.ErrorLog,
            CancellationToken.None);
        return front;
    }

    public string ErrorLog()
    {
        var path = Path.Combine(_folder.FullName, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
