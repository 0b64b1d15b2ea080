using Hokm.Game.Events;

namespace Hokm.Game.Rules;

/// <summary>
/// A game rebuilt from its seed and moves. When a move was refused the replay stops there:
/// <see cref="RejectedMoveIndex"/> says which (0-based) and <see cref="Rejection"/> why.
/// </summary>
public sealed record ReplayResult(HokmGame Game, IReadOnlyList<GameEvent> Events, int? RejectedMoveIndex, Rejection? Rejection)
{
    /// <summary>True when every move was applied.</summary>
    public bool Succeeded => Rejection is null;
}
