using Hokm.Game.Cards;

namespace Hokm.Game.Events;

/// <summary><c>card_played</c>: <paramref name="Seat"/> played <paramref name="Card"/> to trick <paramref name="TrickNumber"/> (1-based) of the hand.</summary>
public sealed record CardPlayed(int HandNumber, int Seat, Card Card, int TrickNumber) : GameEvent(HandNumber);
