namespace Hokm.Data.Errors;

/// <summary>
/// Base of every error the data layer raises on purpose. Each subclass names one cause, so a caller
/// (the game server) can map it to a protocol error without parsing messages.
/// </summary>
public abstract class HybridDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected HybridDataException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>A stable, machine-readable code for the cause (<c>invalid_key</c>, <c>too_large</c>, …).</summary>
    public abstract string Code { get; }
}
