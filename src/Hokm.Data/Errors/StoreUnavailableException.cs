namespace Hokm.Data.Errors;

/// <summary>
/// A store needed for the operation cannot be reached (or its circuit breaker is open), so the
/// operation did not take effect. The game server answers <c>unavailable</c>.
/// </summary>
public sealed class StoreUnavailableException(string store, string message, Exception? innerException = null)
    : HybridDataException(message, innerException)
{
    /// <summary>Which store failed: <c>redis</c> or <c>postgresql</c>.</summary>
    public string Store { get; } = store;

    /// <inheritdoc />
    public override string Code => "unavailable";
}
