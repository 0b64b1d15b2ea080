using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Shuffling;

namespace Hokm.Game.Rules;

/// <summary>
/// One game of Hokm as a state machine: <see cref="GamePhase.ChoosingTrump"/> →
/// <see cref="GamePhase.Playing"/> → <see cref="GamePhase.HandOver"/> → … → <see cref="GamePhase.GameOver"/>.
/// Commands validate and apply a move and return its events, or a <see cref="Rejection"/> that changed
/// nothing. Not thread-safe: a room has one writer.
/// </summary>
public sealed partial class HokmGame
{
    /// <summary>Tricks that win a hand.</summary>
    public const int TricksToWin = 7;

    /// <summary>Cards each seat holds after the full deal.</summary>
    public const int HandSize = 13;

    /// <summary>Cards each seat holds while the Hakem names trump.</summary>
    public const int FirstPacketSize = 5;

    private static readonly SeatCard[] NoDraws = [];

    private readonly CardSet[] _hands = new CardSet[Seats.Count];

    // The current hand's deck, kept from the first five to the rest of the deal (0 = not derived yet,
    // e.g. after a restore); it is a pure function of the seed, so it is never part of a snapshot.
    private readonly Card[] _deck = new Card[Card.DeckSize];
    private int _deckNumber;
    private GamePhase _phase;
    private int _handNumber;
    private int _hakem;
    private Suit? _trump;
    private bool _trumpAuto;
    private Trick _trick;
    private CardSet _played;
    private TeamScore _tricks;
    private TeamScore _score;

    private HokmGame(string seed, GameOptions options)
    {
        Seed = seed;
        Options = options;
    }

    /// <summary>The seed every deck of this game is derived from (keep it server-side until the game is over).</summary>
    public string Seed { get; }

    /// <summary>The game's rule choices.</summary>
    public GameOptions Options { get; }

    /// <summary>The current phase.</summary>
    public GamePhase Phase => _phase;

    /// <summary>The current hand, 1-based.</summary>
    public int HandNumber => _handNumber;

    /// <summary>The Hakem of the current hand.</summary>
    public int Hakem => _hakem;

    /// <summary>The trump of the current hand, or null while the Hakem is choosing.</summary>
    public Suit? Trump => _trump;

    /// <summary>True when the current trump was chosen on timeout.</summary>
    public bool TrumpAuto => _trumpAuto;

    /// <summary>
    /// The seat expected to act: the Hakem while trump is being chosen, the next player while playing,
    /// null between hands and after the game.
    /// </summary>
    public int? Turn => _phase switch
    {
        GamePhase.ChoosingTrump => _hakem,
        GamePhase.Playing => _trick.NextSeat,
        _ => null,
    };

    /// <summary>The trick on the table (empty, led by the Hakem or the last winner, between tricks).</summary>
    public Trick CurrentTrick => _trick;

    /// <summary>The current trick's number within the hand, 1-based.</summary>
    public int TrickNumber => _tricks.A + _tricks.B + (_phase == GamePhase.Playing ? 1 : 0);

    /// <summary>Tricks won by each team in the current (or just finished) hand.</summary>
    public TeamScore Tricks => _tricks;

    /// <summary>Points of each team.</summary>
    public TeamScore Score => _score;

    /// <summary>Cards of the tricks completed in this hand; public knowledge, what a player may remember.</summary>
    public CardSet PlayedThisHand => _played;

    /// <summary>The winning team once the game is over.</summary>
    public Team? Winner => _phase != GamePhase.GameOver ? null : _score.A >= Options.TargetScore ? Team.A : Team.B;

    /// <summary>
    /// Starts a game: finds the first Hakem (face-up deal of deck 0, or the seed-derived seat) and deals
    /// the first five cards of hand 1 to everyone.
    /// </summary>
    /// <param name="seed">The game's seed (docs/shuffle.md); see <see cref="IGameSeedSource"/>.</param>
    /// <param name="options">Rule choices; <see cref="GameOptions.Default"/> when null.</param>
    public static NewGame Create(string seed, GameOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        options ??= GameOptions.Default;
        var game = new HokmGame(seed, options);
        IReadOnlyList<SeatCard> draws;
        int hakem;
        if (options.FirstHakem == FirstHakemSelection.FaceUpDeal)
        {
            draws = HokmShuffle.FaceUpDraw(seed);
            hakem = draws[^1].Seat;
        }
        else
        {
            draws = NoDraws;
            hakem = HokmShuffle.RandomFirstHakem(seed);
        }

        var events = new List<GameEvent>(1 + Seats.Count);
        game.StartHand(1, hakem, draws, events);
        return new NewGame(game, events);
    }

    /// <summary>
    /// The trump a Hakem gets on timeout: the suit they hold most of among their five; ties go to the
    /// suit with the highest card, then the next highest, …; identical suits go to deck order (S, H, D, C).
    /// </summary>
    public static Suit AutoTrump(CardSet cards)
    {
        var best = Suit.Spades;
        var bestCount = -1;
        ulong bestRanks = 0;
        for (var s = 0; s < 4; s++)
        {
            var suit = (Suit)s;
            var count = cards.CountOf(suit);

            // Same count: comparing the rank masks as numbers compares the highest cards first.
            var ranks = cards.OfSuit(suit).Bits >> (s * 13);
            if (count > bestCount || (count == bestCount && ranks > bestRanks))
            {
                best = suit;
                bestCount = count;
                bestRanks = ranks;
            }
        }

        return best;
    }

    /// <summary>How many cards a seat holds (public knowledge).</summary>
    public int HandCount(int seat) => _hands[CheckSeat(seat)].Count;

    /// <summary>
    /// A seat's cards. Server-side only (bots and snapshots); what goes to a player must come from
    /// <see cref="GetView"/>, which never shows another seat's hand.
    /// </summary>
    public CardSet HandOf(int seat) => _hands[CheckSeat(seat)];

    /// <summary>The cards <paramref name="seat"/> may play now (empty unless it is their turn to play).</summary>
    public CardSet LegalCards(int seat)
    {
        CheckSeat(seat);
        return _phase == GamePhase.Playing && _trick.NextSeat == seat ? _trick.LegalCards(_hands[seat]) : CardSet.Empty;
    }

    private static int CheckSeat(int seat) =>
        Seats.IsValid(seat) ? seat : throw new ArgumentOutOfRangeException(nameof(seat), seat, "A seat is 0..3.");

    private void StartHand(int number, int hakem, IReadOnlyList<SeatCard> draws, List<GameEvent> events)
    {
        _handNumber = number;
        _hakem = hakem;
        _trump = null;
        _trumpAuto = false;
        _tricks = TeamScore.Zero;
        _played = CardSet.Empty;
        _trick = Trick.Start(hakem);
        _phase = GamePhase.ChoosingTrump;

        var deck = DeckOf(number);
        events.Add(new HakemChosen(number, hakem, draws));
        for (var k = 0; k < Seats.Count; k++)
        {
            var seat = (hakem + k) & 3;
            var cards = deck.Slice(FirstPacketSize * k, FirstPacketSize).ToArray();
            _hands[seat] = CardSet.Of(cards);
            events.Add(new CardsDealt(number, seat, cards));
        }
    }

    private void ApplyTrump(Suit suit, bool auto, List<GameEvent> events)
    {
        _trump = suit;
        _trumpAuto = auto;
        _phase = GamePhase.Playing;
        _trick = Trick.Start(_hakem);
        events.Add(new TrumpChosen(_handNumber, suit, _hakem, auto));

        var deck = DeckOf(_handNumber);
        for (var k = 0; k < Seats.Count; k++)
        {
            var seat = (_hakem + k) & 3;
            var cards = new Card[HandSize];
            DealtHand(deck, k, cards);
            _hands[seat] = CardSet.Of(cards);
            events.Add(new CardsDealt(_handNumber, seat, cards));
        }
    }

    private ReadOnlySpan<Card> DeckOf(int number)
    {
        if (_deckNumber != number)
        {
            HokmShuffle.Deck(Seed, number, _deck);
            _deckNumber = number;
        }

        return _deck;
    }

    // Packets of 5-4-4 from the Hakem: k is the seat's distance from the Hakem in playing order.
    private static void DealtHand(ReadOnlySpan<Card> deck, int k, Span<Card> cards)
    {
        deck.Slice(FirstPacketSize * k, FirstPacketSize).CopyTo(cards);
        deck.Slice(20 + (4 * k), 4).CopyTo(cards[5..]);
        deck.Slice(36 + (4 * k), 4).CopyTo(cards[9..]);
    }

    private GameEvent[] Play(int seat, Card card)
    {
        var trickNumber = _tricks.A + _tricks.B + 1;
        _hands[seat] = _hands[seat].Remove(card);
        _trick = _trick.Add(card);
        var played = new CardPlayed(_handNumber, seat, card, trickNumber);
        if (!_trick.IsComplete)
        {
            return [played];
        }

        var winner = _trick.WinningSeat(_trump!.Value);
        var team = Seats.TeamOf(winner);
        _tricks = _tricks.Add(team, 1);
        _played = _played.Union(_trick.Cards);
        _trick = Trick.Start(winner);
        var won = new TrickWon(_handNumber, winner, team, _tricks, trickNumber);
        if (_tricks[team] < TricksToWin)
        {
            return [played, won];
        }

        var hakemTeam = Seats.TeamOf(_hakem);
        var kot = _tricks[team.Opponent()] > 0 ? Kot.None : team == hakemTeam ? Kot.Kot : Kot.HakemKot;
        var points = kot switch
        {
            Kot.None => 1,
            Kot.Kot => 2,
            _ => 3,
        };
        _score = _score.Add(team, points);
        var nextHakem = team == hakemTeam ? _hakem : Seats.Next(_hakem);
        var handOver = new HandOver(_handNumber, team, points, kot, _score, nextHakem, _tricks);
        if (_score[team] < Options.TargetScore)
        {
            _phase = GamePhase.HandOver;
            return [played, won, handOver];
        }

        _phase = GamePhase.GameOver;
        return [played, won, handOver, new GameOver(_handNumber, team, _score)];
    }

    private int NextHakem()
    {
        var winners = _tricks.A >= TricksToWin ? Team.A : Team.B;
        return winners == Seats.TeamOf(_hakem) ? _hakem : Seats.Next(_hakem);
    }
}
