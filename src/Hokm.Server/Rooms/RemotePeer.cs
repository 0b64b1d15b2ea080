using System.Text;
using Hokm.Server.Cluster;

namespace Hokm.Server.Rooms;

/// <summary>
/// A player whose socket is on another node: frames go out on the room's event channel addressed
/// to the player, and only that node's socket of that player receives them.
/// </summary>
internal sealed class RemotePeer(RoomBus bus, string room, string node, string playerId, string name) : SeatPeer
{
    private readonly StackExchange.Redis.RedisChannel _channel = bus.EventChannel(room);

    /// <summary>The node holding the socket.</summary>
    public string Node => node;

    public override string PlayerId => playerId;

    public override string Name => name;

    public override void SendFrame(byte[] frame) =>
        bus.Post(_channel, new BusMessage { Kind = BusMessage.Frame, Node = node, Player = playerId, Body = Encoding.UTF8.GetString(frame) });

    public override void Bind(RoomHost? room)
    {
        if (room is null)
        {
            bus.Post(_channel, new BusMessage { Kind = BusMessage.Unbind, Node = node, Player = playerId });
        }
    }

    public override bool Matches(SeatPeer other) => other is RemotePeer remote && remote.Node == node && remote.PlayerId == playerId;
}
