using System.Globalization;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>Finds redis-server and PostgreSQL's binaries on this machine.</summary>
internal static class LocalBinaries
{
    public static string? RedisServer() =>
        FindOnPath("redis-server") ?? FirstExisting("/usr/bin/redis-server", "/usr/local/bin/redis-server");

    /// <summary>redis-cli (Debian: package redis-tools, a dependency of redis-server), which creates Redis Clusters.</summary>
    public static string? RedisCli() =>
        FindOnPath("redis-cli") ?? FirstExisting("/usr/bin/redis-cli", "/usr/local/bin/redis-cli");

    /// <summary>
    /// The folder holding initdb, postgres and pg_ctl: where initdb on PATH really lives, else the highest
    /// version under /usr/lib/postgresql/*/bin (Debian keeps them off PATH).
    /// </summary>
    public static string? PostgresBinDirectory()
    {
        var initdb = FindOnPath("initdb");
        if (initdb is not null)
        {
            var real = File.ResolveLinkTarget(initdb, returnFinalTarget: true)?.FullName ?? initdb;
            var directory = Path.GetDirectoryName(real);
            if (directory is not null && HasPostgresBinaries(directory))
            {
                return directory;
            }
        }

        const string DebianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(DebianRoot)
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
            .Where(x => HasPostgresBinaries(x.Directory))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Directory)
            .FirstOrDefault();
    }

    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(IsExecutable);
    }

    private static bool HasPostgresBinaries(string directory) =>
        IsExecutable(Path.Combine(directory, "initdb"))
        && IsExecutable(Path.Combine(directory, "postgres"))
        && IsExecutable(Path.Combine(directory, "pg_ctl"));

    private static string? FirstExisting(params string[] candidates) => candidates.FirstOrDefault(IsExecutable);

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }

    private static double ParseVersion(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
