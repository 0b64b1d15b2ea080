namespace Hokm.Data.Persistence.Model;

/// <summary>A row of <c>action_log</c>: the target of the "eventual" write mode (audit and action logs).</summary>
public sealed class ActionLogRow
{
    /// <summary>The action's id, chosen by the writer (so redelivery is harmless).</summary>
    public Guid Id { get; set; }

    /// <summary>The player who acted, if any.</summary>
    public string? PlayerId { get; set; }

    /// <summary>The game it concerns, if any.</summary>
    public string? GameId { get; set; }

    /// <summary>What happened (e.g. <c>login</c>, <c>chat</c>).</summary>
    public required string Kind { get; set; }

    /// <summary>Details as JSON (<c>jsonb</c> on PostgreSQL).</summary>
    public required string Data { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; set; }
}
