namespace Hokm.Data.Persistence.Accounts;

/// <summary>How usernames compare: trimmed and folded to lower case (invariant, full Unicode case mapping).</summary>
public static class Usernames
{
    /// <summary>The form stored in <c>players.username_normalized</c> and used to look a player up.</summary>
    public static string Normalize(string username)
    {
        ArgumentNullException.ThrowIfNull(username);

        // No Unicode normalization (NFKC): the app runs with invariant globalization, where it is not available.
        return username.Trim().ToLowerInvariant();
    }
}
