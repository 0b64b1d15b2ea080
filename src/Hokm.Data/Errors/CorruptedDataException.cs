namespace Hokm.Data.Errors;

/// <summary>
/// Stored data that does not have the shape this library writes (a key of the wrong type, a
/// version that is not a number, an unreadable outbox entry). Nothing was written over it.
/// </summary>
public sealed class CorruptedDataException(string message) : HybridDataException(message)
{
    /// <inheritdoc />
    public override string Code => "corrupted";
}
