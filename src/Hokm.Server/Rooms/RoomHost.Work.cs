using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

internal sealed partial class RoomHost
{
    /// <summary>A message in the room's mailbox.</summary>
    private abstract record Work;

    private sealed record CreateWork(SeatPeer Connection, CreateRoomCommand Command, TaskCompletionSource<RoomOutcome> Done) : Work;

    private sealed record JoinWork(SeatPeer Connection, string? ReplyTo, TaskCompletionSource<RoomOutcome> Done) : Work;

    private sealed record AttachWork(SeatPeer Connection, TaskCompletionSource<bool> Done) : Work;

    private sealed record DetachWork(SeatPeer Connection) : Work;

    private sealed record LeaveWork(SeatPeer Connection, string? ReplyTo, TaskCompletionSource<RoomOutcome> Done) : Work;

    private sealed record CommandWork(SeatPeer Connection, ClientCommand Command, long ReceivedAt) : Work;

    /// <summary>The action timer fired (turn timeout, bot move, next deal, completion retry).</summary>
    private sealed record ActionDue(long Generation) : Work;

    /// <summary>A dropped player's grace ran out.</summary>
    private sealed record GraceDue(int Seat, long Generation) : Work;

    /// <summary>First message of a room loaded from the store.</summary>
    private sealed record ResumeWork : Work;

    /// <summary>The owner's lease could not be renewed: another node owns the room now.</summary>
    private sealed record LeaseLostWork : Work;

    /// <summary>A finished room's linger time is over.</summary>
    private sealed record UnloadWork : Work;
}
