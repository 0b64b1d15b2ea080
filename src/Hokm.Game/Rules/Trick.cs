using Hokm.Game.Cards;

namespace Hokm.Game.Rules;

/// <summary>
/// The cards of one trick in play order, with its leader. An immutable value of a few bytes, so the
/// engine and the bots can pass it around freely.
/// </summary>
public readonly struct Trick : IEquatable<Trick>
{
    private readonly byte _c0;
    private readonly byte _c1;
    private readonly byte _c2;
    private readonly byte _c3;
    private readonly byte _leader;
    private readonly byte _count;

    private Trick(int leader, int count, byte c0, byte c1, byte c2, byte c3)
    {
        _leader = (byte)leader;
        _count = (byte)count;
        _c0 = c0;
        _c1 = c1;
        _c2 = c2;
        _c3 = c3;
    }

    /// <summary>The seat that leads (plays first).</summary>
    public int Leader => _leader;

    /// <summary>Cards played so far, 0..4.</summary>
    public int Count => _count;

    /// <summary>True when all four seats have played.</summary>
    public bool IsComplete => _count == Seats.Count;

    /// <summary>The seat to play next (meaningless once complete).</summary>
    public int NextSeat => (_leader + _count) & 3;

    /// <summary>The suit of the first card, or null before the lead.</summary>
    public Suit? LedSuit => _count == 0 ? null : CardAt(0).Suit;

    /// <summary>The cards on the table as a set.</summary>
    public CardSet Cards
    {
        get
        {
            ulong bits = 0;
            for (var i = 0; i < _count; i++)
            {
                bits |= 1UL << CardAt(i).Index;
            }

            return new CardSet(bits);
        }
    }

    /// <summary>An empty trick led by <paramref name="leader"/>.</summary>
    public static Trick Start(int leader) =>
        Seats.IsValid(leader) ? new Trick(leader, 0, 0, 0, 0, 0) : throw new ArgumentOutOfRangeException(nameof(leader), leader, "A seat is 0..3.");

    /// <summary>The n-th card played (0 = the lead).</summary>
    public Card CardAt(int index) => index switch
    {
        _ when (uint)index >= _count => throw new ArgumentOutOfRangeException(nameof(index), index, "No such play in this trick."),
        0 => Card.FromIndexUnchecked(_c0),
        1 => Card.FromIndexUnchecked(_c1),
        2 => Card.FromIndexUnchecked(_c2),
        _ => Card.FromIndexUnchecked(_c3),
    };

    /// <summary>The seat that made the n-th play.</summary>
    public int SeatAt(int index) => (_leader + index) & 3;

    /// <summary>The card a seat played in this trick, if it has played.</summary>
    public Card? CardOf(int seat)
    {
        var index = (seat - _leader) & 3;
        return index < _count ? CardAt(index) : null;
    }

    /// <summary>This trick with the next seat's card added.</summary>
    public Trick Add(Card card)
    {
        var index = (byte)card.Index;
        return _count switch
        {
            0 => new Trick(_leader, 1, index, 0, 0, 0),
            1 => new Trick(_leader, 2, _c0, index, 0, 0),
            2 => new Trick(_leader, 3, _c0, _c1, index, 0),
            3 => new Trick(_leader, 4, _c0, _c1, _c2, index),
            _ => throw new InvalidOperationException("The trick already has four cards."),
        };
    }

    /// <summary>
    /// The play (0-based) currently winning: the highest trump if any trump is down, otherwise the highest
    /// card of the led suit. Depends only on the cards, the led suit and the trump.
    /// </summary>
    public int WinningIndex(Suit trump)
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("Nobody has played yet.");
        }

        var best = 0;
        var bestCard = CardAt(0);
        for (var i = 1; i < _count; i++)
        {
            var card = CardAt(i);
            if (card.Suit == bestCard.Suit ? card.Rank > bestCard.Rank : card.Suit == trump)
            {
                best = i;
                bestCard = card;
            }
        }

        return best;
    }

    /// <summary>The seat currently winning (see <see cref="WinningIndex"/>).</summary>
    public int WinningSeat(Suit trump) => SeatAt(WinningIndex(trump));

    /// <summary>The card currently winning (see <see cref="WinningIndex"/>).</summary>
    public Card WinningCard(Suit trump) => CardAt(WinningIndex(trump));

    /// <summary>The plays as <c>{seat, card}</c> pairs in play order.</summary>
    public SeatCard[] ToArray()
    {
        var plays = new SeatCard[_count];
        for (var i = 0; i < _count; i++)
        {
            plays[i] = new SeatCard(SeatAt(i), CardAt(i));
        }

        return plays;
    }

    /// <summary>The cards a hand may play to this trick: the led suit if it holds any, otherwise anything.</summary>
    public CardSet LegalCards(CardSet hand)
    {
        if (_count == 0)
        {
            return hand;
        }

        var following = hand.OfSuit(CardAt(0).Suit);
        return following.IsEmpty ? hand : following;
    }

    /// <inheritdoc />
    public bool Equals(Trick other) =>
        _leader == other._leader && _count == other._count && _c0 == other._c0 && _c1 == other._c1 && _c2 == other._c2 && _c3 == other._c3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Trick other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_leader, _count, _c0, _c1, _c2, _c3);

    /// <summary>Leader and cards, e.g. <c>"2: AS 3S"</c>.</summary>
    public override string ToString()
    {
        var cards = new string[_count];
        for (var i = 0; i < _count; i++)
        {
            cards[i] = CardAt(i).ToString();
        }

        return _leader + ": " + string.Join(' ', cards);
    }

    /// <summary>Same leader and plays.</summary>
    public static bool operator ==(Trick left, Trick right) => left.Equals(right);

    /// <summary>Different leader or plays.</summary>
    public static bool operator !=(Trick left, Trick right) => !left.Equals(right);
}
