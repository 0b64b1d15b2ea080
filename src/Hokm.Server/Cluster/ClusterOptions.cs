using System.ComponentModel.DataAnnotations;

namespace Hokm.Server.Cluster;

/// <summary>
/// Several nodes on one Redis, bound from <c>Hokm:Cluster</c> (docs/scaling.md, docs/operations.md).
/// Off by default: a single node (and the embedded Garnet + SQLite mode) needs no leases.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>
    /// Room leases, fenced commits and pub/sub routing between nodes. Turn it on for every node
    /// whenever more than one node shares the Redis (and PostgreSQL).
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>This node's id (letters, digits, <c>_ . -</c>); default the host name plus a random suffix.</summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string? NodeId { get; set; }

    /// <summary>How long a room's lease lasts without renewal: how soon another node takes over a dead owner's rooms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an owner renews its rooms' leases (at most a third of <see cref="LeaseTime"/> is advised; default a third).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.Zero;

    /// <summary>How often a node that relays a room checks that its owner still holds the lease (and takes the room over if not).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each node looks for recently active rooms that nobody owns (their owner died with no player left to notice) and takes them over.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for the owner's answer to a relayed join, reattach or leave.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RelayTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The renewal interval in effect.</summary>
    public TimeSpan EffectiveRenewInterval => RenewInterval > TimeSpan.Zero ? RenewInterval : LeaseTime / 3;
}
