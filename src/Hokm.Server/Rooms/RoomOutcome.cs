namespace Hokm.Server.Rooms;

/// <summary>
/// How a seating request (create, join, quick match, leave) ended: success, an error to send, the room
/// was gone (unloaded: look it up again), or (create only) the code was taken.
/// </summary>
internal readonly record struct RoomOutcome(string? ErrorCode, string? Message, bool IsGone = false, bool IsCodeTaken = false)
{
    public static RoomOutcome Ok => default;

    public static RoomOutcome Gone => new(null, null, IsGone: true);

    public static RoomOutcome CodeTaken => new(null, null, IsCodeTaken: true);

    public bool Succeeded => ErrorCode is null && !IsGone && !IsCodeTaken;

    public static RoomOutcome Error(string code, string message) => new(code, message);
}
