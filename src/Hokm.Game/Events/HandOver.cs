using Hokm.Game.Rules;

namespace Hokm.Game.Events;

/// <summary>
/// <c>hand_over</c>: <paramref name="Team"/> reached 7 tricks and scored <paramref name="Points"/>;
/// <paramref name="Score"/> is the running score. <paramref name="NextHakem"/> is who holds the next hand
/// (filled in even when this hand ended the game). <paramref name="Tricks"/> are the hand's final trick counts.
/// </summary>
public sealed record HandOver(int HandNumber, Team Team, int Points, Kot Kot, TeamScore Score, int NextHakem, TeamScore Tricks) : GameEvent(HandNumber);
