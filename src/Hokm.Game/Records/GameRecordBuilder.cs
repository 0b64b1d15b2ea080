using System.Globalization;
using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Rules;

namespace Hokm.Game.Records;

/// <summary>
/// Builds a <see cref="GameRecord"/> from a game's events, in order and private ones included — so the same
/// code serves live games, replays of a move log and simulations.
/// </summary>
public sealed class GameRecordBuilder
{
    private static readonly string[] SeatKeys = ["0", "1", "2", "3"];

    private readonly string _gameId;
    private readonly string? _seed;
    private readonly int _targetScore;
    private readonly IReadOnlyList<RecordPlayer> _players;
    private readonly List<HandRecord> _hands = [];
    private IReadOnlyList<SeatCard> _hakemDraws = [];
    private HandDraft? _hand;
    private GameOver? _gameOver;

    /// <summary>Starts a record for one game.</summary>
    public GameRecordBuilder(string gameId, string? seed, int targetScore, IReadOnlyList<RecordPlayer> players)
    {
        ArgumentException.ThrowIfNullOrEmpty(gameId);
        ArgumentNullException.ThrowIfNull(players);
        if (players.Count != Seats.Count)
        {
            throw new ArgumentException("A record names four players.", nameof(players));
        }

        _gameId = gameId;
        _seed = seed;
        _targetScore = targetScore;
        _players = players;
    }

    /// <summary>True once the game-over event has been added.</summary>
    public bool IsComplete => _gameOver is not null;

    /// <summary>Adds the next event of the game.</summary>
    /// <exception cref="InvalidOperationException">The event does not fit the events before it.</exception>
    public void Add(GameEvent gameEvent)
    {
        ArgumentNullException.ThrowIfNull(gameEvent);
        if (_gameOver is not null)
        {
            throw OutOfOrder(gameEvent, "the game is over");
        }

        switch (gameEvent)
        {
            case HakemChosen e:
                if (_hand is not null)
                {
                    throw OutOfOrder(e, "the previous hand is not over");
                }

                if (e.HandNumber == 1)
                {
                    _hakemDraws = e.Draws;
                }

                _hand = new HandDraft(e.HandNumber, e.Seat);
                break;
            case CardsDealt e:
                var hand = Current(e);
                (hand.Trump is null ? hand.FirstFive : hand.Deal)[e.Seat] = e.Cards;
                break;
            case TrumpChosen e:
                Current(e).Trump = e.Suit;
                Current(e).TrumpAuto = e.Auto;
                break;
            case CardPlayed e:
                var playing = Current(e);
                playing.Plays ??= new List<SeatCard>(Seats.Count);
                playing.Plays.Add(new SeatCard(e.Seat, e.Card));
                break;
            case TrickWon e:
                var trick = Current(e);
                if (trick.Plays is not { Count: Seats.Count } plays)
                {
                    throw OutOfOrder(e, "the trick does not have four cards");
                }

                trick.Tricks.Add(new TrickRecord(plays[0].Seat, plays, e.Seat));
                trick.Plays = null;
                break;
            case HandOver e:
                _hands.Add(Current(e).Finish(e));
                _hand = null;
                break;
            case GameOver e:
                if (_hand is not null)
                {
                    throw OutOfOrder(e, "the hand is not over");
                }

                _gameOver = e;
                break;
            default:
                throw new ArgumentException($"Unknown event {gameEvent.GetType().Name}.", nameof(gameEvent));
        }
    }

    /// <summary>Adds events in order.</summary>
    public void AddRange(IEnumerable<GameEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var gameEvent in events)
        {
            Add(gameEvent);
        }
    }

    /// <summary>The finished record.</summary>
    /// <exception cref="InvalidOperationException">The game is not over yet.</exception>
    public GameRecord Build()
    {
        var gameOver = _gameOver ?? throw new InvalidOperationException("The game is not over yet.");
        return new GameRecord
        {
            GameId = _gameId,
            Seed = _seed,
            TargetScore = _targetScore,
            Players = _players,
            HakemDraws = _hakemDraws,
            Hands = _hands,
            Winner = gameOver.Team,
            Score = gameOver.Score,
        };
    }

    private HandDraft Current(GameEvent e) =>
        _hand is { } hand && hand.Number == e.HandNumber ? hand : throw OutOfOrder(e, "no such hand is in progress");

    private static InvalidOperationException OutOfOrder(GameEvent e, string why) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{e.GetType().Name} of hand {e.HandNumber} is out of order: {why}."));

    private static Dictionary<string, IReadOnlyList<Card>> BySeat(IReadOnlyList<Card>?[] cards, string what)
    {
        var bySeat = new Dictionary<string, IReadOnlyList<Card>>(Seats.Count);
        for (var s = 0; s < Seats.Count; s++)
        {
            bySeat[SeatKeys[s]] = cards[s] ?? throw new InvalidOperationException($"Seat {s} was never dealt its {what}.");
        }

        return bySeat;
    }

    private sealed class HandDraft(int number, int hakem)
    {
        public int Number { get; } = number;

        public IReadOnlyList<Card>?[] FirstFive { get; } = new IReadOnlyList<Card>?[Seats.Count];

        public IReadOnlyList<Card>?[] Deal { get; } = new IReadOnlyList<Card>?[Seats.Count];

        public Suit? Trump { get; set; }

        public bool TrumpAuto { get; set; }

        public List<TrickRecord> Tricks { get; } = new(13);

        public List<SeatCard>? Plays { get; set; }

        public HandRecord Finish(HandOver e) => new()
        {
            Number = Number,
            Hakem = hakem,
            FirstFive = BySeat(FirstFive, "first five"),
            Deal = BySeat(Deal, "deal"),
            Trump = Trump ?? throw new InvalidOperationException("The hand ended without trump."),
            TrumpAuto = TrumpAuto,
            Tricks = Tricks,
            TricksWon = e.Tricks,
            Winner = e.Team,
            Points = e.Points,
            Kot = e.Kot,
            Score = e.Score,
        };
    }
}
