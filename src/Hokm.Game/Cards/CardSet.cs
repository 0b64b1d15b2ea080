using System.Collections;
using System.Numerics;

namespace Hokm.Game.Cards;

/// <summary>
/// An immutable set of cards as a 64-bit mask (bit <see cref="Card.Index"/>), so hands, legal moves and
/// "cards seen" cost a register each. Enumerates in deck order (S, H, D, C; 2..A within a suit).
/// </summary>
public readonly struct CardSet : IEquatable<CardSet>, IReadOnlyCollection<Card>
{
    private const ulong SuitMask = (1UL << 13) - 1;
    private const ulong AllMask = (1UL << Card.DeckSize) - 1;

    /// <summary>Creates a set from its raw mask (bits above 51 are rejected).</summary>
    public CardSet(ulong bits)
    {
        if ((bits & ~AllMask) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Only bits 0..51 are cards.");
        }

        Bits = bits;
    }

    private CardSet(ulong bits, bool _) => Bits = bits;

    /// <summary>The empty set.</summary>
    public static CardSet Empty => default;

    /// <summary>All 52 cards.</summary>
    public static CardSet FullDeck => new(AllMask, true);

    /// <summary>The raw mask: bit <see cref="Card.Index"/> is set for each member.</summary>
    public ulong Bits { get; }

    /// <summary>Number of cards in the set.</summary>
    public int Count => BitOperations.PopCount(Bits);

    /// <summary>True when the set holds no card.</summary>
    public bool IsEmpty => Bits == 0;

    /// <summary>The set of the given cards (duplicates collapse).</summary>
    public static CardSet Of(params ReadOnlySpan<Card> cards)
    {
        ulong bits = 0;
        foreach (var card in cards)
        {
            bits |= 1UL << card.Index;
        }

        return new CardSet(bits, true);
    }

    /// <summary>The set of the given cards (duplicates collapse).</summary>
    public static CardSet Of(IEnumerable<Card> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ulong bits = 0;
        foreach (var card in cards)
        {
            bits |= 1UL << card.Index;
        }

        return new CardSet(bits, true);
    }

    /// <summary>All 13 cards of a suit.</summary>
    public static CardSet FullSuit(Suit suit) => new(SuitMask << ((int)suit * 13), true);

    /// <summary>Parses space- or comma-separated cards, e.g. <c>"AS 10H QD"</c> (handy in tests and tools).</summary>
    public static CardSet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong bits = 0;
        foreach (var part in text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            bits |= 1UL << Card.Parse(part).Index;
        }

        return new CardSet(bits, true);
    }

    /// <summary>True when the card is in the set.</summary>
    public bool Contains(Card card) => (Bits & (1UL << card.Index)) != 0;

    /// <summary>This set with the card added.</summary>
    public CardSet Add(Card card) => new(Bits | (1UL << card.Index), true);

    /// <summary>This set with the card removed.</summary>
    public CardSet Remove(Card card) => new(Bits & ~(1UL << card.Index), true);

    /// <summary>Cards in either set.</summary>
    public CardSet Union(CardSet other) => new(Bits | other.Bits, true);

    /// <summary>Cards in both sets.</summary>
    public CardSet Intersect(CardSet other) => new(Bits & other.Bits, true);

    /// <summary>Cards in this set and not in the other.</summary>
    public CardSet Except(CardSet other) => new(Bits & ~other.Bits, true);

    /// <summary>True when the sets share a card.</summary>
    public bool Overlaps(CardSet other) => (Bits & other.Bits) != 0;

    /// <summary>The cards of one suit.</summary>
    public CardSet OfSuit(Suit suit) => new(Bits & (SuitMask << ((int)suit * 13)), true);

    /// <summary>How many cards of one suit the set holds.</summary>
    public int CountOf(Suit suit) => BitOperations.PopCount(Bits & (SuitMask << ((int)suit * 13)));

    /// <summary>True when the set holds a card of the suit.</summary>
    public bool HasSuit(Suit suit) => (Bits & (SuitMask << ((int)suit * 13))) != 0;

    /// <summary>The highest-ranked card of a suit in the set, if any.</summary>
    public Card? HighestOf(Suit suit)
    {
        var bits = Bits & (SuitMask << ((int)suit * 13));
        return bits == 0 ? null : Card.FromIndexUnchecked(63 - BitOperations.LeadingZeroCount(bits));
    }

    /// <summary>The lowest-ranked card of a suit in the set, if any.</summary>
    public Card? LowestOf(Suit suit)
    {
        var bits = Bits & (SuitMask << ((int)suit * 13));
        return bits == 0 ? null : Card.FromIndexUnchecked(BitOperations.TrailingZeroCount(bits));
    }

    /// <summary>Cards of the same suit ranked above the given card.</summary>
    public CardSet Above(Card card)
    {
        var suitBits = SuitMask << ((int)card.Suit * 13);
        var above = ~((2UL << card.Index) - 1);
        return new CardSet(Bits & suitBits & above, true);
    }

    /// <summary>The first card in deck order (the set must not be empty).</summary>
    public Card First() =>
        Bits != 0 ? Card.FromIndexUnchecked(BitOperations.TrailingZeroCount(Bits)) : throw new InvalidOperationException("The set is empty.");

    /// <summary>The n-th card (0-based) in deck order.</summary>
    public Card ElementAt(int n)
    {
        if ((uint)n >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "No such card in the set.");
        }

        var bits = Bits;
        for (var i = 0; i < n; i++)
        {
            bits &= bits - 1;
        }

        return Card.FromIndexUnchecked(BitOperations.TrailingZeroCount(bits));
    }

    /// <summary>The cards in deck order, as a new array.</summary>
    public Card[] ToArray()
    {
        var result = new Card[Count];
        var i = 0;
        foreach (var card in this)
        {
            result[i++] = card;
        }

        return result;
    }

    /// <summary>Enumerates in deck order without allocating.</summary>
    public Enumerator GetEnumerator() => new(Bits);

    IEnumerator<Card> IEnumerable<Card>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(CardSet other) => Bits == other.Bits;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CardSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Bits.GetHashCode();

    /// <summary>Cards in protocol notation, space-separated, in deck order.</summary>
    public override string ToString() => string.Join(' ', ToArray());

    /// <summary>Same cards.</summary>
    public static bool operator ==(CardSet left, CardSet right) => left.Equals(right);

    /// <summary>Different cards.</summary>
    public static bool operator !=(CardSet left, CardSet right) => !left.Equals(right);

    /// <summary>Walks the set bits from the lowest.</summary>
    public struct Enumerator : IEnumerator<Card>
    {
        private ulong _remaining;

        internal Enumerator(ulong bits)
        {
            _remaining = bits;
            Current = default;
        }

        /// <inheritdoc />
        public Card Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            Current = Card.FromIndexUnchecked(BitOperations.TrailingZeroCount(_remaining));
            _remaining &= _remaining - 1;
            return true;
        }

        /// <inheritdoc />
        public readonly void Reset() => throw new NotSupportedException();

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
