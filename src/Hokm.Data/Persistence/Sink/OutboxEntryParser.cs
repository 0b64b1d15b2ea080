using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Persistence.Sink;

/// <summary>Turns outbox entries into rows to write, setting aside the ones that cannot be written.</summary>
internal static class OutboxEntryParser
{
    public static (SinkBatch Batch, List<SinkFailure> Failures) Parse(IReadOnlyList<OutboxEntry> entries)
    {
        var batch = new SinkBatch();
        var failures = new List<SinkFailure>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var failure = entry.IsCorrupted
                ? new SinkFailure(entry, SinkFailureReason.Corrupted, "The outbox entry is unreadable.")
                : entry.Type switch
                {
                    OutboxEvents.GameStartedType => Add(entry, i, PersistenceJsonContext.Default.GameStarted, EventRules.Check, batch.Games),
                    OutboxEvents.MoveType => AddMove(entry, i, batch.Moves),
                    OutboxEvents.HandCompletedType => Add(entry, i, PersistenceJsonContext.Default.HandCompleted, EventRules.Check, batch.Hands),
                    OutboxEvents.ActionType => Add(entry, i, PersistenceJsonContext.Default.ActionRecorded, EventRules.Check, batch.Actions),
                    _ => new SinkFailure(entry, SinkFailureReason.UnknownType, $"No table takes events of type '{entry.Type}'."),
                };
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        return (batch, failures);
    }

    /// <summary>Moves first through the fast reader; what it does not take, through the generic one.</summary>
    private static SinkFailure? AddMove(OutboxEntry entry, int index, List<SinkItem<MoveRecorded>> moves)
    {
        if (MovePayloadReader.TryRead(entry.Payload) is { } move && EventRules.Check(move) is null)
        {
            moves.Add(new SinkItem<MoveRecorded>(index, move));
            return null;
        }

        return Add(entry, index, PersistenceJsonContext.Default.MoveRecorded, EventRules.Check, moves);
    }

    /// <summary>Reads one payload of a known type: it joins the batch, or is returned as a failure.</summary>
    public static SinkFailure? Add<T>(OutboxEntry entry, int index, JsonTypeInfo<T> type, Func<T, string?> check, List<SinkItem<T>> items)
        where T : class
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(entry.Payload, type);
        }
        catch (JsonException ex)
        {
            return new SinkFailure(entry, SinkFailureReason.Malformed, $"The {entry.Type} payload is not valid: {ex.Message}");
        }

        if (value is null)
        {
            return new SinkFailure(entry, SinkFailureReason.Malformed, $"The {entry.Type} payload is null.");
        }

        var error = check(value);
        if (error is not null)
        {
            return new SinkFailure(entry, SinkFailureReason.Malformed, $"The {entry.Type} payload is not valid: {error}.");
        }

        items.Add(new SinkItem<T>(index, value));
        return null;
    }
}
