using Hokm.Game.Cards;

namespace Hokm.Server.Protocol;

/// <summary>
/// A validated client → server message (docs/protocol.md, "Client → server"). <see cref="Id"/> is the
/// client's optional correlation id, echoed as <c>replyTo</c>.
/// </summary>
internal abstract record ClientCommand(string? Id);

/// <summary><c>create_room</c>: a new room with <paramref name="Bots"/> bots; <paramref name="Public"/> rooms are offered to quick match.</summary>
internal sealed record CreateRoomCommand(string? Id, int Bots, int TargetScore, bool Public) : ClientCommand(Id);

/// <summary><c>join_room</c>: <paramref name="Room"/> is the normalised (upper-case) code.</summary>
internal sealed record JoinRoomCommand(string? Id, string Room) : ClientCommand(Id);

/// <summary><c>quick_match</c>.</summary>
internal sealed record QuickMatchCommand(string? Id) : ClientCommand(Id);

/// <summary><c>add_bot</c>.</summary>
internal sealed record AddBotCommand(string? Id) : ClientCommand(Id);

/// <summary><c>leave_room</c>.</summary>
internal sealed record LeaveRoomCommand(string? Id) : ClientCommand(Id);

/// <summary><c>choose_trump</c>.</summary>
internal sealed record ChooseTrumpCommand(string? Id, Suit Suit) : ClientCommand(Id);

/// <summary><c>play_card</c>.</summary>
internal sealed record PlayCardCommand(string? Id, Card Card) : ClientCommand(Id);

/// <summary><c>sync</c>: answered with <c>state</c>.</summary>
internal sealed record SyncCommand(string? Id) : ClientCommand(Id);

/// <summary><c>ping</c>: answered with <c>pong</c>.</summary>
internal sealed record PingCommand(string? Id) : ClientCommand(Id);
