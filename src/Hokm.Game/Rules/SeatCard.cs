using Hokm.Game.Cards;

namespace Hokm.Game.Rules;

/// <summary>A card and the seat that played or received it: <c>{"seat":1,"card":"AS"}</c>.</summary>
public readonly record struct SeatCard(int Seat, Card Card);
