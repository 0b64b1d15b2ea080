using System.Globalization;
using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Moves;

namespace Hokm.Game.Rules;

public sealed partial class HokmGame
{
    /// <summary>The Hakem names trump; the remaining eight cards of each seat are dealt.</summary>
    public CommandResult ChooseTrump(int seat, Suit suit) => ChooseTrump(seat, suit, auto: false);

    /// <summary>
    /// The Hakem's time ran out: trump is chosen for them by <see cref="AutoTrump"/> from their five cards.
    /// </summary>
    public CommandResult ChooseTrumpAutomatically()
    {
        if (_phase != GamePhase.ChoosingTrump)
        {
            return WrongPhase("choose trump");
        }

        var events = new List<GameEvent>(1 + Seats.Count);
        ApplyTrump(AutoTrump(_hands[_hakem]), auto: true, events);
        return CommandResult.Accepted(events);
    }

    /// <summary><paramref name="seat"/> plays <paramref name="card"/> to the current trick.</summary>
    public CommandResult PlayCard(int seat, Card card)
    {
        if (!Seats.IsValid(seat))
        {
            return BadSeat(seat);
        }

        if (_phase != GamePhase.Playing)
        {
            return WrongPhase("play a card");
        }

        var turn = _trick.NextSeat;
        if (seat != turn)
        {
            return CommandResult.Rejected(RejectionCode.NotYourTurn, Format($"It is seat {turn}'s turn, not seat {seat}'s."));
        }

        var hand = _hands[seat];
        if (!hand.Contains(card))
        {
            return CommandResult.Rejected(RejectionCode.CardNotInHand, Format($"Seat {seat} does not hold {card}."));
        }

        if (!_trick.LegalCards(hand).Contains(card))
        {
            return CommandResult.Rejected(
                RejectionCode.MustFollowSuit,
                Format($"Seat {seat} holds {_trick.LedSuit!.Value.ToWireName()} and must follow suit."));
        }

        return CommandResult.Accepted(Play(seat, card));
    }

    /// <summary>After a hand is scored: shuffles and deals the next hand's first five from the (new) Hakem.</summary>
    public CommandResult StartNextHand()
    {
        if (_phase != GamePhase.HandOver)
        {
            return WrongPhase("start the next hand");
        }

        var events = new List<GameEvent>(1 + Seats.Count);
        StartHand(_handNumber + 1, NextHakem(), NoDraws, events);
        return CommandResult.Accepted(events);
    }

    /// <summary>Applies a logged move (the same checks as the matching command).</summary>
    public CommandResult Apply(GameMove move) => move switch
    {
        ChooseTrumpMove m => ChooseTrump(m.Seat, m.Suit, m.Auto),
        PlayCardMove m => PlayCard(m.Seat, m.Card),
        NextHandMove => StartNextHand(),
        null => throw new ArgumentNullException(nameof(move)),
        _ => throw new ArgumentException($"Unknown move type {move.GetType().Name}.", nameof(move)),
    };

    // auto: the move log records the suit a timeout produced, and a replay must reproduce that suit
    // and flag whatever rule produced it at the time.
    private CommandResult ChooseTrump(int seat, Suit suit, bool auto)
    {
        if (!Seats.IsValid(seat))
        {
            return BadSeat(seat);
        }

        if (!Suits.IsDefined(suit))
        {
            return CommandResult.Rejected(RejectionCode.InvalidField, Format($"{(int)suit} is not a suit."));
        }

        if (_phase != GamePhase.ChoosingTrump)
        {
            return WrongPhase("choose trump");
        }

        if (seat != _hakem)
        {
            return CommandResult.Rejected(RejectionCode.NotHakem, Format($"Only the Hakem (seat {_hakem}) names trump."));
        }

        var events = new List<GameEvent>(1 + Seats.Count);
        ApplyTrump(suit, auto, events);
        return CommandResult.Accepted(events);
    }

    private CommandResult WrongPhase(string action) =>
        CommandResult.Rejected(RejectionCode.WrongPhase, Format($"Cannot {action} while the game is {PhaseText(_phase)}."));

    private static CommandResult BadSeat(int seat) =>
        CommandResult.Rejected(RejectionCode.InvalidField, Format($"{seat} is not a seat (0..3)."));

    private static string PhaseText(GamePhase phase) => phase switch
    {
        GamePhase.ChoosingTrump => "choosing trump",
        GamePhase.Playing => "playing",
        GamePhase.HandOver => "between hands",
        _ => "over",
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
