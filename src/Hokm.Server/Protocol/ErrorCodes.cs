namespace Hokm.Server.Protocol;

/// <summary>The <c>code</c> values of the protocol's <c>error</c> message (docs/protocol.md, "Error codes").</summary>
public static class ErrorCodes
{
    /// <summary>The frame is not JSON, not UTF-8, not an object, or a binary frame.</summary>
    public const string BadJson = "bad_json";

    /// <summary>The <c>type</c> is not one the server knows.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>A field is missing, of the wrong JSON type or out of range.</summary>
    public const string InvalidField = "invalid_field";

    /// <summary>The frame is larger than 4 KiB; the socket is then closed with 1009.</summary>
    public const string MessageTooLarge = "message_too_large";

    /// <summary>Too many messages; repeated, the socket is closed with 1008.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The action needs a seat and the player holds none.</summary>
    public const string NotSeated = "not_seated";

    /// <summary>The player already holds a seat in an unfinished game.</summary>
    public const string AlreadySeated = "already_seated";

    /// <summary>No such room (or its game is over).</summary>
    public const string RoomNotFound = "room_not_found";

    /// <summary>The room has no free seat.</summary>
    public const string RoomFull = "room_full";

    /// <summary>The action does not fit the room's phase.</summary>
    public const string WrongPhase = "wrong_phase";

    /// <summary>Another seat is to act.</summary>
    public const string NotYourTurn = "not_your_turn";

    /// <summary>Only the Hakem names trump.</summary>
    public const string NotHakem = "not_hakem";

    /// <summary>The player does not hold that card.</summary>
    public const string CardNotInHand = "card_not_in_hand";

    /// <summary>The player holds the led suit and played another.</summary>
    public const string MustFollowSuit = "must_follow_suit";

    /// <summary>The server cannot take the action right now (a store failed, or it is shutting down); nothing was applied.</summary>
    public const string Unavailable = "unavailable";
}
