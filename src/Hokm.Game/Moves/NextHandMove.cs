namespace Hokm.Game.Moves;

/// <summary>The next hand was started after a hand was scored.</summary>
public sealed record NextHandMove : GameMove
{
    /// <summary>The one instance needed (the move carries no data).</summary>
    public static NextHandMove Instance { get; } = new();
}
