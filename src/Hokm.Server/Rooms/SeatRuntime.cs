
namespace Hokm.Server.Rooms;

/// <summary>What a room knows about a seat beyond its document: the socket, and the disconnect grace.</summary>
internal sealed class SeatRuntime
{
    /// <summary>The player's socket while attached.</summary>
    public SeatPeer? Connection { get; set; }

    /// <summary>The player dropped and has not come back.</summary>
    public bool Disconnected { get; set; }

    /// <summary>The grace ran out: a bot plays the seat until the player returns.</summary>
    public bool BotControlled { get; set; }

    /// <summary>The grace timer.</summary>
    public ITimer? GraceTimer { get; set; }

    /// <summary>Bumped whenever the grace timer is re-armed or cancelled, so a stale firing is ignored.</summary>
    public long GraceGeneration { get; set; }

    /// <summary>Forgets the socket and the grace (the seat changed hands or the room closes).</summary>
    public void Reset()
    {
        Connection = null;
        Disconnected = false;
        BotControlled = false;
        CancelGrace();
    }

    /// <summary>Stops the grace timer.</summary>
    public void CancelGrace()
    {
        GraceGeneration++;
        GraceTimer?.Dispose();
        GraceTimer = null;
    }
}
