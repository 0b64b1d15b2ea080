using System.Text.Json.Serialization;

namespace Hokm.Server.Cluster;

/// <summary>
/// A message between nodes on a room's channels (docs/scaling.md "Routing"): requests from a relaying
/// node to the owner on <c>{ROOM}:cmd</c>, frames and answers from the owner on <c>{ROOM}:evt</c>.
/// </summary>
internal sealed record BusMessage
{
    /// <summary>Relay → owner: seat the player (answered with <see cref="Reply"/>).</summary>
    public const string Join = "join";

    /// <summary>Relay → owner: reattach the player's socket (answered).</summary>
    public const string Attach = "attach";

    /// <summary>Relay → owner: the player leaves (answered).</summary>
    public const string Leave = "leave";

    /// <summary>Relay → owner: the player's socket ended.</summary>
    public const string Detach = "detach";

    /// <summary>Relay → owner: a room command (sync, add_bot, choose_trump, play_card).</summary>
    public const string RoomCommand = "cmd";

    /// <summary>Owner → relays: one frame for one player.</summary>
    public const string Frame = "frame";

    /// <summary>Owner → relays: the player no longer sits here (their socket lets go of the room).</summary>
    public const string Unbind = "unbind";

    /// <summary>Owner → relay: the answer to a request.</summary>
    public const string Reply = "reply";

    /// <summary>Owner → relays: a (new) owner holds the room; reattach your players.</summary>
    public const string Owner = "owner";

    /// <summary>Owner → relays: the owner let go of the room (closed, shut down, or fenced): look again.</summary>
    public const string Released = "released";

    /// <summary>Owner → relays: the game is over and stored.</summary>
    public const string Finished = "finished";

    [JsonPropertyName("k")]
    public required string Kind { get; init; }

    /// <summary>The sending (or, for a reply, the receiving) node.</summary>
    [JsonPropertyName("n")]
    public string? Node { get; init; }

    [JsonPropertyName("p")]
    public string? Player { get; init; }

    [JsonPropertyName("m")]
    public string? Name { get; init; }

    /// <summary>Correlates a request with its reply.</summary>
    [JsonPropertyName("q")]
    public string? Request { get; init; }

    /// <summary>The client's own correlation id.</summary>
    [JsonPropertyName("y")]
    public string? ReplyTo { get; init; }

    /// <summary>The command type (<c>sync</c>, <c>add_bot</c>, <c>choose_trump</c>, <c>play_card</c>).</summary>
    [JsonPropertyName("c")]
    public string? Command { get; init; }

    /// <summary>The command's argument (suit or card).</summary>
    [JsonPropertyName("a")]
    public string? Argument { get; init; }

    /// <summary>A server → client frame (JSON text).</summary>
    [JsonPropertyName("f")]
    public string? Body { get; init; }

    /// <summary>A reply's outcome: succeeded.</summary>
    [JsonPropertyName("ok")]
    public bool Ok { get; init; }

    /// <summary>A reply's error code.</summary>
    [JsonPropertyName("e")]
    public string? Error { get; init; }

    /// <summary>A reply's error text.</summary>
    [JsonPropertyName("t")]
    public string? Text { get; init; }

    /// <summary>A reply saying the room is gone from the owner.</summary>
    [JsonPropertyName("g")]
    public bool Gone { get; init; }
}
