namespace Hokm.Data.Errors;

/// <summary>A state document or event larger than the configured limit. Nothing was written.</summary>
public sealed class PayloadTooLargeException(string message) : HybridDataException(message)
{
    /// <inheritdoc />
    public override string Code => "too_large";
}
