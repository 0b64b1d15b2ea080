using System.Net;

namespace Hokm.Cli.Load;

/// <summary>The load tool only ever targets this machine: 127.0.0.0/8, ::1 or localhost.</summary>
internal static class LoopbackRule
{
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // IPAddress.IsLoopback covers 127.0.0.0/8 and ::1 (and IPv4-mapped forms of them).
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
