using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

/// <summary>
/// The player on the other end of a seat, as a room's owner sees it: a socket on this node
/// (<see cref="LocalPeer"/>) or a socket on another node reached through the room's event channel
/// (<see cref="RemotePeer"/>).
/// </summary>
internal abstract class SeatPeer
{
    /// <summary>The player's id.</summary>
    public abstract string PlayerId { get; }

    /// <summary>The player's display name.</summary>
    public abstract string Name { get; }

    /// <summary>Queues an already serialised frame for this player only.</summary>
    public abstract void SendFrame(byte[] frame);

    /// <summary>Queues a message.</summary>
    public void Send(ServerMessage message) => SendFrame(ServerMessages.Serialize(message));

    /// <summary>Queues an <c>error</c>.</summary>
    public virtual void SendError(string code, string message, string? replyTo) =>
        Send(new ErrorMessage(code, message) { ReplyTo = replyTo });

    /// <summary>Ties the player's socket to the room (or, with null, lets it go).</summary>
    public abstract void Bind(RoomHost? room);

    /// <summary>True when both stand for the same socket.</summary>
    public abstract bool Matches(SeatPeer other);
}
