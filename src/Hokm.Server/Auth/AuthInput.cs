using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hokm.Server.Auth;

/// <summary>The input rules of the auth endpoints; errors are keyed by the JSON field they concern.</summary>
internal static partial class AuthInput
{
    public const int MaxNameLength = 24;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    /// <summary>A display name, trimmed, or null with the reason in <paramref name="error"/>.</summary>
    public static string? NormalizeName(string? value, out string? error)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            error = "A name is required (1-24 characters).";
            return null;
        }

        if (name.Length > MaxNameLength)
        {
            error = "A name has at most 24 characters.";
            return null;
        }

        if (!IsPrintable(name))
        {
            error = "A name may not hold control characters, line breaks or direction overrides.";
            return null;
        }

        error = null;
        return name;
    }

    /// <summary>Checks a registration; returns the field errors (empty when valid).</summary>
    public static Dictionary<string, string[]> CheckRegistration(RegisterRequest request, out string? displayName)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Username is null || !UsernamePattern().IsMatch(request.Username))
        {
            errors["username"] = ["A username is 3-24 of letters (A-Z, a-z), digits, '_' and '-'."];
        }

        if (request.Password is null || request.Password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            errors["password"] = ["A password has 8-128 characters."];
        }

        displayName = null;
        if (request.DisplayName is not null)
        {
            displayName = NormalizeName(request.DisplayName, out var error);
            if (error is not null)
            {
                errors["displayName"] = [error];
            }
        }
        else if (request.Username is not null)
        {
            displayName = request.Username;
        }

        return errors;
    }

    /// <summary>Checks that a login names a username and a password at all; wrong values are a 401, not a 400.</summary>
    public static Dictionary<string, string[]> CheckLogin(LoginRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(request.Username) || request.Username.Length > 256)
        {
            errors["username"] = ["A username is required."];
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > MaxPasswordLength)
        {
            errors["password"] = ["A password is required (at most 128 characters)."];
        }

        return errors;
    }

    private static bool IsPrintable(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false; // A lone surrogate.
            }

            rest = rest[consumed..];
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                return false;
            }

            // Bidi embeddings, overrides and isolates can make a name render as someone else's.
            // Zero-width non-joiner (U+200C), which Persian spelling needs, stays allowed.
            if (rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{3,24}$")]
    private static partial Regex UsernamePattern();
}
