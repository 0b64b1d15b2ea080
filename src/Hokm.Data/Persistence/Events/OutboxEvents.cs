using System.Text.Json;
using Hokm.Data.Live;

namespace Hokm.Data.Persistence.Events;

/// <summary>
/// Builds the outbox events the sink understands: the type string and the serialized payload.
/// Append them with the commit they belong to (<c>ExecutePlayerMoveAsync(…, events)</c>).
/// </summary>
public static class OutboxEvents
{
    /// <summary>Type of <see cref="GameStarted"/> events.</summary>
    public const string GameStartedType = "game_started";

    /// <summary>Type of <see cref="MoveRecorded"/> events.</summary>
    public const string MoveType = "move";

    /// <summary>Type of <see cref="HandCompleted"/> events.</summary>
    public const string HandCompletedType = "hand_completed";

    /// <summary>Type of <see cref="ActionRecorded"/> events.</summary>
    public const string ActionType = "action";

    /// <summary>The <c>game_started</c> event.</summary>
    public static OutboxEvent GameStarted(GameStarted game) =>
        new(GameStartedType, JsonSerializer.Serialize(game, PersistenceJsonContext.Default.GameStarted));

    /// <summary>The <c>move</c> event.</summary>
    public static OutboxEvent Move(MoveRecorded move) =>
        new(MoveType, JsonSerializer.Serialize(move, PersistenceJsonContext.Default.MoveRecorded));

    /// <summary>The <c>hand_completed</c> event.</summary>
    public static OutboxEvent HandCompleted(HandCompleted hand) =>
        new(HandCompletedType, JsonSerializer.Serialize(hand, PersistenceJsonContext.Default.HandCompleted));

    /// <summary>The <c>action</c> event.</summary>
    public static OutboxEvent Action(ActionRecorded action) =>
        new(ActionType, JsonSerializer.Serialize(action, PersistenceJsonContext.Default.ActionRecorded));
}
