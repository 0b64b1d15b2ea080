using Hokm.Game.Rules;

namespace Hokm.Game.Events;

/// <summary>
/// <c>hakem_chosen</c>: a hand starts with <paramref name="Seat"/> as Hakem. <paramref name="Draws"/> are
/// the face-up cards dealt until the first ace (first hand only; empty otherwise).
/// </summary>
public sealed record HakemChosen(int HandNumber, int Seat, IReadOnlyList<SeatCard> Draws) : GameEvent(HandNumber);
