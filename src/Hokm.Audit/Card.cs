namespace Hokm.Audit;

/// <summary>
/// A playing card. <see cref="Rank"/> runs 2–14 (11 J, 12 Q, 13 K, 14 A) so that comparing ranks
/// compares strength. The text form is PROTOCOL.md's: rank then suit letter, e.g. <c>10H</c>.
/// </summary>
public readonly record struct Card
{
    private const string SuitLetters = "SHDC";

    /// <summary>Creates a card; rank 2–14.</summary>
    public Card(int rank, Suit suit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, 14);
        if (!Enum.IsDefined(suit))
        {
            throw new ArgumentOutOfRangeException(nameof(suit));
        }

        Rank = rank;
        Suit = suit;
    }

    /// <summary>2–14, ace high.</summary>
    public int Rank { get; }

    /// <summary>The suit.</summary>
    public Suit Suit { get; }

    /// <summary>The suit letter S, H, D or C.</summary>
    public static char SuitLetter(Suit suit) => SuitLetters[(int)suit];

    /// <summary>Reads a suit letter; only the exact upper-case letters are valid.</summary>
    public static bool TryParseSuit(string? text, out Suit suit)
    {
        suit = default;
        if (text is not { Length: 1 })
        {
            return false;
        }

        var index = SuitLetters.IndexOf(text[0], StringComparison.Ordinal);
        if (index < 0)
        {
            return false;
        }

        suit = (Suit)index;
        return true;
    }

    /// <summary>Reads a card in PROTOCOL.md notation; anything else (lower case, "1X", "11S") is invalid.</summary>
    public static bool TryParse(string? text, out Card card)
    {
        card = default;
        if (text is null || text.Length is < 2 or > 3 || !TryParseSuit(text[^1..], out var suit))
        {
            return false;
        }

        int? rank = text[..^1] switch
        {
            "J" => 11,
            "Q" => 12,
            "K" => 13,
            "A" => 14,
            "10" => 10,
            [var digit] when digit is >= '2' and <= '9' => digit - '0',
            _ => null,
        };
        if (rank is not { } value)
        {
            return false;
        }

        card = new Card(value, suit);
        return true;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var rank = Rank switch
        {
            11 => "J",
            12 => "Q",
            13 => "K",
            14 => "A",
            _ => Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return rank + SuitLetter(Suit);
    }
}
