using Hokm.Game.Rules;

namespace Hokm.Game.Events;

/// <summary><c>trick_won</c>: <paramref name="Seat"/> took trick <paramref name="TrickNumber"/>; <paramref name="Tricks"/> are the hand's counts after it.</summary>
public sealed record TrickWon(int HandNumber, int Seat, Team Team, TeamScore Tricks, int TrickNumber) : GameEvent(HandNumber);
