using Hokm.Game.Events;

namespace Hokm.Game.Rules;

/// <summary>
/// What a command did: either the events it produced (in order) or why it was refused. A refused
/// command changed nothing. Rule violations are results, not exceptions: they are normal traffic.
/// </summary>
public readonly struct CommandResult
{
    private CommandResult(IReadOnlyList<GameEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    /// <summary>The events produced; empty when rejected.</summary>
    public IReadOnlyList<GameEvent> Events => field ?? [];

    /// <summary>Why the command was refused, or null when it was applied.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when the command was applied.</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>An applied command and its events.</summary>
    public static CommandResult Accepted(IReadOnlyList<GameEvent> events) => new(events ?? throw new ArgumentNullException(nameof(events)), null);

    /// <summary>A refused command.</summary>
    public static CommandResult Rejected(RejectionCode code, string message) => new([], new Rejection(code, message));
}
