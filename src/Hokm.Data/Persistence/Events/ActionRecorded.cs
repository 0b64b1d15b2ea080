using System.Text.Json;

namespace Hokm.Data.Persistence.Events;

/// <summary>
/// Outbox event <c>action</c>: one row of <c>action_log</c> (the "eventual" write mode), idempotent
/// by <paramref name="Id"/>.
/// </summary>
/// <param name="Id">The action's id, chosen by the writer (e.g. <see cref="Guid.CreateVersion7()"/>).</param>
/// <param name="Kind">What happened (e.g. <c>login</c>).</param>
/// <param name="Data">Details: any JSON value.</param>
/// <param name="At">When it happened.</param>
/// <param name="PlayerId">The player who acted, if any.</param>
/// <param name="GameId">The game it concerns, if any.</param>
public sealed record ActionRecorded(Guid Id, string Kind, JsonElement Data, DateTimeOffset At, string? PlayerId = null, string? GameId = null);
