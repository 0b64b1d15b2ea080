using Hokm.Game.Events;

namespace Hokm.Game.Rules;

/// <summary>A freshly created game and the events of its start (Hakem chosen, first five cards dealt).</summary>
public sealed record NewGame(HokmGame Game, IReadOnlyList<GameEvent> Events);
