using Hokm.Game.Cards;

namespace Hokm.Game.Moves;

/// <summary>The Hakem named <paramref name="Suit"/>; <paramref name="Auto"/> when it was chosen for them on timeout.</summary>
public sealed record ChooseTrumpMove(int Seat, Suit Suit, bool Auto) : GameMove;
