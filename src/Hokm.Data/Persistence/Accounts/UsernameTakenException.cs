using Hokm.Data.Errors;

namespace Hokm.Data.Persistence.Accounts;

/// <summary>Another player already has this username (compared regardless of case).</summary>
public sealed class UsernameTakenException(string username, Exception? innerException = null)
    : HybridDataException($"The username '{username}' is taken.", innerException)
{
    /// <summary>The username asked for.</summary>
    public string Username { get; } = username;

    /// <inheritdoc />
    public override string Code => "username_taken";
}
