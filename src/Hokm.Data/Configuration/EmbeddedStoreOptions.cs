using System.ComponentModel.DataAnnotations;

namespace Hokm.Data.Configuration;

/// <summary>Where the embedded stores (Garnet, SQLite) keep their data when no servers are configured.</summary>
public sealed class EmbeddedStoreOptions
{
    /// <summary>Folder for Garnet's append-only file and checkpoints and the SQLite database.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Loopback port of the in-process Garnet server; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int GarnetPort { get; set; }
}
