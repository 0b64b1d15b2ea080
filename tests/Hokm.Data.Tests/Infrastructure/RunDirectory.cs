using System.Diagnostics;
using System.Globalization;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// The temp folder of this test run, holding one folder per server instance. Three layers keep servers from
/// outliving the run: disposal, a ProcessExit handler (<see cref="ServerRegistry"/>), and a watchdog shell
/// process that SIGKILLs the run's servers and deletes the folder once the test process is gone — even when
/// it was killed. A run that still left something behind (watchdog killed too) is reaped by the next run.
/// </summary>
internal static class RunDirectory
{
    /// <summary>Each instance folder writes the server's process id here.</summary>
    public const string ServerPidFile = "server.pid";

    private const string OwnerPidFile = "owner.pid";

    private const UnixFileMode Shared = (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit; // like /tmp
    private const UnixFileMode OwnerWritable = (UnixFileMode)0b111_101_101;

    private static readonly Lazy<string> Current = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "hokm-test-servers");

    /// <summary>Creates a fresh folder for one server instance, e.g. <c>/tmp/hokm-test-servers/1234-ab12cd34/redis-9f8e7d6c</c>.</summary>
    public static string CreateInstance(string name)
    {
        var path = Path.Combine(Current.Value, $"{name}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void WriteServerPid(string instanceDirectory, int pid) =>
        File.WriteAllText(Path.Combine(instanceDirectory, ServerPidFile), pid.ToString(CultureInfo.InvariantCulture));

    public static void DeleteQuietly(string path)
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A server that just died may still be closing files; try again.
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private static string Create()
    {
        Directory.CreateDirectory(Root);
        TrySetMode(Root, Shared); // shared by every user's test runs, like /tmp itself

        ReapAbandonedRuns();
        var pid = Environment.ProcessId;
        var path = Path.Combine(Root, $"{pid.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(path);
        TrySetMode(path, OwnerWritable); // the PostgreSQL user must reach its instance folder below this one

        File.WriteAllText(Path.Combine(path, OwnerPidFile), pid.ToString(CultureInfo.InvariantCulture));
        StartWatchdog(pid, path);
        return path;
    }

    private static void TrySetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, mode);
        }
        catch (UnauthorizedAccessException)
        {
            // Created by another user, who set it up the same way.
        }
        catch (IOException)
        {
        }
    }

    private static void StartWatchdog(int ownerPid, string runDirectory)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            return;
        }

        // Polls once a second, bounded by the owner's lifetime; the servers' pid files are read only at the end.
        const string Script = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            for f in "$2"/*/server.pid "$2"/*/data/postmaster.pid; do
              [ -f "$f" ] && kill -9 "$(head -n 1 "$f")" 2>/dev/null
            done
            sleep 1
            rm -rf "$2"
            """;
        try
        {
            var startInfo = new ProcessStartInfo("/bin/sh")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = "/",
            };
            foreach (var argument in new[] { "-c", Script, "hokm-test-watchdog", ownerPid.ToString(CultureInfo.InvariantCulture), runDirectory })
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var watchdog = Process.Start(startInfo);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No shell: the ProcessExit handler and the next run's reaper still clean up.
        }
    }

    /// <summary>Deletes run folders whose test process is gone, killing any server they still list.</summary>
    private static void ReapAbandonedRuns()
    {
        foreach (var run in SafeEnumerate(Root))
        {
            var ownerFile = Path.Combine(run, OwnerPidFile);
            if (!TryReadPid(ownerFile, out var owner) || IsAlive(owner))
            {
                continue;
            }

            foreach (var instance in SafeEnumerate(run))
            {
                foreach (var pidFile in new[] { Path.Combine(instance, ServerPidFile), Path.Combine(instance, "data", "postmaster.pid") })
                {
                    if (TryReadPid(pidFile, out var serverPid) && IsOurKindOfServer(serverPid))
                    {
                        TryKill(serverPid);
                    }
                }
            }

            DeleteQuietly(run);
        }
    }

    private static IEnumerable<string> SafeEnumerate(string directory)
    {
        try
        {
            return Directory.GetDirectories(directory);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool TryReadPid(string file, out int pid)
    {
        pid = 0;
        try
        {
            return File.Exists(file)
                && int.TryParse(File.ReadLines(file).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out pid)
                && pid > 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsOurKindOfServer(int pid)
    {
        try
        {
            var comm = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
            return comm.StartsWith("redis-server", StringComparison.Ordinal) || comm.StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryKill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
        }
        catch (InvalidOperationException)
        {
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
}
