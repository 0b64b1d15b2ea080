using System.Diagnostics.CodeAnalysis;

namespace Hokm.Server.Protocol;

/// <summary>Room codes: 6 characters from <c>A-Z</c> and <c>2-9</c>, case-insensitive on input.</summary>
internal static class RoomCodes
{
    /// <summary>Characters of a code.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789";

    /// <summary>Length of a code.</summary>
    public const int Length = 6;

    /// <summary>The upper-case code, or false when <paramref name="text"/> is not a code.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (text is not { Length: Length })
        {
            return false;
        }

        Span<char> upper = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            var c = char.ToUpperInvariant(text[i]);
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }

            upper[i] = c;
        }

        code = new string(upper);
        return true;
    }
}
