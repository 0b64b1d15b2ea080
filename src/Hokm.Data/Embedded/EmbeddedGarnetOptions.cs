using System.ComponentModel.DataAnnotations;

namespace Hokm.Data.Embedded;

/// <summary>How <see cref="EmbeddedGarnetServer"/> starts Microsoft Garnet inside this process.</summary>
public sealed class EmbeddedGarnetOptions
{
    /// <summary>
    /// Folder for Garnet's append-only file and checkpoints. Required when <see cref="Durable"/> is on;
    /// created if missing. One server at a time may use a folder (a lock file guards it).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>IP address to listen on. Loopback by default: the embedded store is for this machine only.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port to listen on; 0 picks a free one (read it back from <see cref="EmbeddedGarnetServer.Port"/>).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>
    /// Keep data across restarts: append-only file with a commit per operation, recovered at start.
    /// Off gives a purely in-memory server (for throwaway uses only).
    /// </summary>
    public bool Durable { get; set; } = true;

    /// <summary>
    /// Reply to a write only after its append-only-file commit reached the disk (Garnet's <c>--aof-commit-wait</c>),
    /// the counterpart of Redis' <c>appendfsync always</c>: an acknowledged write survives a killed process.
    /// Costs a fraction of a millisecond per write. Ignored when <see cref="Durable"/> is off.
    /// </summary>
    public bool WaitForCommit { get; set; } = true;

    /// <summary>Garnet's main-log memory (<c>--memory</c>, e.g. <c>"1g"</c>); null keeps Garnet's default.</summary>
    public string? MemorySize { get; set; }

    /// <summary>
    /// Raises the process's thread-pool minimum (worker and I/O threads) to at least this many; null leaves it.
    /// Garnet blocks pool threads while it waits on its log, and on a small machine a starved pool stalls
    /// writes by about half a second per thread the pool has to add. Process-wide, never lowered.
    /// </summary>
    [Range(1, 1024)]
    public int? MinThreadPoolThreads { get; set; }

    /// <summary>Garnet's initial hash-index size (<c>--index</c>, e.g. <c>"16m"</c>); null keeps Garnet's default.</summary>
    public string? IndexSize { get; set; }
}
