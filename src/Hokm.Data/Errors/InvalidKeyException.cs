namespace Hokm.Data.Errors;

/// <summary>A room code or other identifier that cannot be used as part of a key. Nothing was written.</summary>
public sealed class InvalidKeyException(string message) : HybridDataException(message)
{
    /// <inheritdoc />
    public override string Code => "invalid_key";
}
