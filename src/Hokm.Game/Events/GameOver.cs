using Hokm.Game.Rules;

namespace Hokm.Game.Events;

/// <summary><c>game_over</c>: <paramref name="Team"/> reached the target; <paramref name="Score"/> is final.</summary>
public sealed record GameOver(int HandNumber, Team Team, TeamScore Score) : GameEvent(HandNumber);
