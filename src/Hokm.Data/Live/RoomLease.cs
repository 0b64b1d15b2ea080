namespace Hokm.Data.Live;

/// <summary>
/// Ownership of one room by one server node, held in Redis with an expiry (docs/scaling.md).
/// <see cref="Token"/> is the room's fencing token: it grows with every acquisition, so a node that
/// lost the lease (paused, partitioned) holds a value that no longer matches and its commits are
/// refused (<see cref="CommitStatus.Fenced"/>).
/// </summary>
/// <param name="Room">The normalised room code.</param>
/// <param name="NodeId">The owning node.</param>
/// <param name="Token">The fencing token of this acquisition.</param>
public sealed record RoomLease(string Room, string NodeId, long Token)
{
    /// <summary>The value stored in the lease key: <c>node/token</c>.</summary>
    public string Value => string.Concat(NodeId, "/", Token.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
