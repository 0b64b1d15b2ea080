using System.Runtime.CompilerServices;
using Hokm.Server.Connections;

namespace Hokm.Server.Rooms;

/// <summary>A player whose socket is on this node.</summary>
internal sealed class LocalPeer : SeatPeer
{
    private static readonly ConditionalWeakTable<PlayerConnection, LocalPeer> Peers = [];

    private LocalPeer(PlayerConnection connection) => Connection = connection;

    public PlayerConnection Connection { get; }

    public override string PlayerId => Connection.PlayerId;

    public override string Name => Connection.Name;

    /// <summary>The one peer of a connection.</summary>
    public static LocalPeer Of(PlayerConnection connection) => Peers.GetValue(connection, static c => new LocalPeer(c));

    public override void SendFrame(byte[] frame) => Connection.SendFrame(frame);

    public override void SendError(string code, string message, string? replyTo) => Connection.SendError(code, message, replyTo);

    public override void Bind(RoomHost? room) => Connection.Room = room;

    public override bool Matches(SeatPeer other) => other is LocalPeer local && ReferenceEquals(local.Connection, Connection);
}
