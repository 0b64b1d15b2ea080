namespace Hokm.Data.Live;

/// <summary>The outcome of asking for a room's lease.</summary>
/// <param name="Lease">The lease when this node now owns the room; null when another node does.</param>
/// <param name="Holder">The current holder's <c>node/token</c> value (this node's own when acquired).</param>
public sealed record LeaseAcquisition(RoomLease? Lease, string Holder)
{
    /// <summary>True when the caller now owns the room.</summary>
    public bool Acquired => Lease is not null;

    /// <summary>The node holding the room (the part of <see cref="Holder"/> before the slash).</summary>
    public string HolderNode => Holder.LastIndexOf('/') is var at && at >= 0 ? Holder[..at] : Holder;
}
