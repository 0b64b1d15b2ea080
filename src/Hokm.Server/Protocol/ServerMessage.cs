using System.Text.Json.Serialization;
using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Server.Protocol;

/// <summary>
/// A server → client message (docs/protocol.md, "Server → client"). The JSON discriminator is the
/// message's <c>type</c>; <see cref="ReplyTo"/> echoes the <c>id</c> of the client message that caused
/// it (on direct answers, errors, and the acting player's copy of the first event of their move).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(WelcomeMessage), "welcome")]
[JsonDerivedType(typeof(RoomJoinedMessage), "room_joined")]
[JsonDerivedType(typeof(PlayerJoinedMessage), "player_joined")]
[JsonDerivedType(typeof(PlayerLeftMessage), "player_left")]
[JsonDerivedType(typeof(PlayerDisconnectedMessage), "player_disconnected")]
[JsonDerivedType(typeof(PlayerReconnectedMessage), "player_reconnected")]
[JsonDerivedType(typeof(HakemChosenMessage), "hakem_chosen")]
[JsonDerivedType(typeof(CardsDealtMessage), "cards_dealt")]
[JsonDerivedType(typeof(TrumpChosenMessage), "trump_chosen")]
[JsonDerivedType(typeof(TurnMessage), "turn")]
[JsonDerivedType(typeof(CardPlayedMessage), "card_played")]
[JsonDerivedType(typeof(TrickWonMessage), "trick_won")]
[JsonDerivedType(typeof(HandOverMessage), "hand_over")]
[JsonDerivedType(typeof(GameOverMessage), "game_over")]
[JsonDerivedType(typeof(StateMessage), "state")]
[JsonDerivedType(typeof(ErrorMessage), "error")]
[JsonDerivedType(typeof(PongMessage), "pong")]
internal abstract record ServerMessage
{
    /// <summary>The <c>id</c> of the client message this answers, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReplyTo { get; init; }
}

/// <summary><c>welcome</c>: the first message on every socket.</summary>
internal sealed record WelcomeMessage(string PlayerId, string Name, int Protocol, DateTimeOffset ServerTime) : ServerMessage;

/// <summary><c>room_joined</c>: you hold <paramref name="Seat"/> in <paramref name="Room"/> (also sent on reconnection).</summary>
internal sealed record RoomJoinedMessage(string Room, int Seat, IReadOnlyList<PlayerInfo> Players, int TargetScore, bool Public) : ServerMessage;

/// <summary><c>player_joined</c>: a player or bot took <paramref name="Seat"/>.</summary>
internal sealed record PlayerJoinedMessage(int Seat, string Name, bool Bot, string? PlayerId) : ServerMessage;

/// <summary><c>player_left</c>: the player in <paramref name="Seat"/> left (during a game a <c>player_joined</c> for the bot that takes over follows).</summary>
internal sealed record PlayerLeftMessage(int Seat, string Name, bool Bot, string? PlayerId) : ServerMessage;

/// <summary><c>player_disconnected</c>: the seat's socket dropped; the grace period runs.</summary>
internal sealed record PlayerDisconnectedMessage(int Seat) : ServerMessage;

/// <summary><c>player_reconnected</c>: the seat's player is back.</summary>
internal sealed record PlayerReconnectedMessage(int Seat) : ServerMessage;

/// <summary><c>hakem_chosen</c>: a hand starts with <paramref name="Seat"/> as Hakem; <paramref name="Draws"/> are the face-up cards of the first hand.</summary>
internal sealed record HakemChosenMessage(int Seat, IReadOnlyList<SeatCard> Draws, int HandNumber) : ServerMessage;

/// <summary><c>cards_dealt</c>: your whole hand so far (5 cards, then 13).</summary>
internal sealed record CardsDealtMessage(IReadOnlyList<Card> Cards, int HandNumber) : ServerMessage;

/// <summary><c>trump_chosen</c>; <paramref name="Auto"/> when the server chose on timeout.</summary>
internal sealed record TrumpChosenMessage(Suit Suit, int Seat, bool Auto) : ServerMessage;

/// <summary><c>turn</c>: <paramref name="Seat"/> must act by <paramref name="Deadline"/>; <see cref="Legal"/> only to that seat while playing.</summary>
internal sealed record TurnMessage(int Seat, DateTimeOffset Deadline, string Action) : ServerMessage
{
    /// <summary>The cards the receiving seat may play (only to the seat whose turn it is, while playing).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Card>? Legal { get; init; }
}

/// <summary><c>card_played</c>; <paramref name="Version"/> is the room's version after the move.</summary>
internal sealed record CardPlayedMessage(int Seat, Card Card, long Version, bool Auto) : ServerMessage;

/// <summary><c>trick_won</c>: <paramref name="Tricks"/> are the hand's counts after it.</summary>
internal sealed record TrickWonMessage(int Seat, Team Team, TeamScore Tricks) : ServerMessage;

/// <summary><c>hand_over</c>.</summary>
internal sealed record HandOverMessage(Team Team, int Points, Kot Kot, TeamScore Score, int NextHakem, TeamScore Tricks, int HandNumber) : ServerMessage;

/// <summary><c>game_over</c>: sent only after the game is written to the persistent store.</summary>
internal sealed record GameOverMessage(Team Team, TeamScore Score, string GameId) : ServerMessage;

/// <summary><c>error</c>: nothing was applied.</summary>
internal sealed record ErrorMessage(string Code, string Message) : ServerMessage;

/// <summary><c>pong</c>.</summary>
internal sealed record PongMessage(DateTimeOffset ServerTime) : ServerMessage;
