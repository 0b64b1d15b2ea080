using Hokm.Game.Cards;

namespace Hokm.Game.Events;

/// <summary><c>trump_chosen</c>: the Hakem (<paramref name="Seat"/>) named trump; <paramref name="Auto"/> when chosen for them on timeout.</summary>
public sealed record TrumpChosen(int HandNumber, Suit Suit, int Seat, bool Auto) : GameEvent(HandNumber);
