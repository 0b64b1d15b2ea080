using Hokm.Game.Cards;

namespace Hokm.Game.Moves;

/// <summary><paramref name="Seat"/> played <paramref name="Card"/>.</summary>
public sealed record PlayCardMove(int Seat, Card Card) : GameMove;
