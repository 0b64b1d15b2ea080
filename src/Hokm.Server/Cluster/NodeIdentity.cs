using System.Security.Cryptography;

namespace Hokm.Server.Cluster;

/// <summary>This server process's node id (<c>Hokm:Cluster:NodeId</c>, else the host name and a random suffix).</summary>
internal sealed class NodeIdentity
{
    public NodeIdentity(string id) => Id = id;

    /// <summary>The node id: in <c>/health</c>, logs, presence records and room leases.</summary>
    public string Id { get; }

    /// <summary>The configured id, else <c>host-xxxxxx</c> (host name reduced to the allowed characters).</summary>
    public static NodeIdentity From(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new NodeIdentity(configured);
        }

        var host = new string([.. Environment.MachineName.Where(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')]);
        host = host.Length switch
        {
            0 => "node",
            > 48 => host[..48],
            _ => host,
        };
        return new NodeIdentity($"{host}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
    }
}
