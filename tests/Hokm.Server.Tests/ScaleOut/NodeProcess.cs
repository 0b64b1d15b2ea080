using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Server.Tests.ScaleOut;

/// <summary>
/// One game-server node as a separate process (<c>dotnet Hokm.Server.dll</c>, configured through
/// environment variables) on a free loopback port, so that <c>kill -9</c> and <c>SIGSTOP</c> are real.
/// Its output is kept for diagnostics.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private NodeProcess(string nodeId, int port, Process process)
    {
        NodeId = nodeId;
        Port = port;
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string NodeId { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the node wrote.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                var text = _output.ToString();
                return text.Length > 6000 ? text[^6000..] : text;
            }
        }
    }

    /// <summary><c>dotnet ASSEMBLY</c> in the assembly's folder, output redirected: how the tests run the built server and CLI.</summary>
    public static ProcessStartInfo DotnetStartInfo(string assembly)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        return start;
    }

    /// <summary>The server assembly built beside the tests (same configuration).</summary>
    public static string ServerAssembly() => BuiltAssembly("Hokm.Server", "Hokm.Server.dll", "the server");

    /// <summary>The command line (<c>hokm.dll</c>) built beside the tests (same configuration; the test project references it unreferenced, so it is built first).</summary>
    public static string CliAssembly() => BuiltAssembly("Hokm.Cli", "hokm.dll", "the command line");

    private static string BuiltAssembly(string project, string file, string what)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Hokm.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("The repository root (Hokm.sln) was not found above the test folder."), "src", project, "bin", configuration, "net10.0", file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {what} first: {path} is missing.", path);
    }

    /// <summary>Starts a node and waits until it answers <c>/health/live</c>.</summary>
    public static async Task<NodeProcess> StartAsync(string nodeId, IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var start = DotnetStartInfo(ServerAssembly());
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Hokm__Cluster__NodeId"] = nodeId;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var node = new NodeProcess(nodeId, port, process);
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(
            $"node {nodeId} answering on port {port}",
            async ct =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Node {nodeId} exited with {process.ExitCode}:{Environment.NewLine}{node.Output}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), ct);
                    return response.IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            () => node.Output,
            CancellationToken.None);
        return node;
    }

    /// <summary><c>kill -9</c>: the process dies at once, its sockets are closed by the kernel.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>SIGSTOP: the process stops running; its sockets stay open.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT.</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    /// <summary>GET a path of this node (e.g. <c>/metrics</c>).</summary>
    public async Task<string> GetAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await SignalAsync("-CONT");
            _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
            if (_output.Length > 200_000)
            {
                _output.Remove(0, 100_000);
            }
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
