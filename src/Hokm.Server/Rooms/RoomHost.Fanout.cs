using Hokm.Game.Events;
using Hokm.Game.Rules;
using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

internal sealed partial class RoomHost
{
    /// <summary>
    /// Sends each attached player their own view of <paramref name="events"/> (a <c>cards_dealt</c>
    /// reaches only its seat; <c>game_over</c> is sent by the completion), then the <c>turn</c>.
    /// The actor's copy of the first event carries its request's <c>replyTo</c>.
    /// </summary>
    private void Fanout(IReadOnlyList<GameEvent> events, bool automatic, int actorSeat, string? replyTo)
    {
        foreach (var (seat, connection) in AttachedConnections())
        {
            var pendingReply = seat == actorSeat ? replyTo : null;
            foreach (var e in events)
            {
                if (!e.IsVisibleTo(seat) || ToMessage(e, automatic) is not { } message)
                {
                    continue;
                }

                if (pendingReply is not null)
                {
                    message = message with { ReplyTo = pendingReply };
                    pendingReply = null;
                }

                connection.Send(message);
            }

            if (TurnFor(seat) is { } turn)
            {
                connection.Send(turn);
            }
        }
    }

    private ServerMessage? ToMessage(GameEvent e, bool automatic) => e switch
    {
        HakemChosen h => new HakemChosenMessage(h.Seat, h.Draws, h.HandNumber),
        CardsDealt d => new CardsDealtMessage(d.Cards, d.HandNumber),
        TrumpChosen t => new TrumpChosenMessage(t.Suit, t.Seat, t.Auto),
        CardPlayed c => new CardPlayedMessage(c.Seat, c.Card, _version, automatic),
        TrickWon w => new TrickWonMessage(w.Seat, w.Team, w.Tricks),
        HandOver h => new HandOverMessage(h.Team, h.Points, h.Kot, h.Score, h.NextHakem, h.Tricks, h.HandNumber),
        _ => null,
    };

    /// <summary>The <c>turn</c> message for <paramref name="receiver"/> (with <c>legal</c> only for the seat to play), or null when nobody is to move.</summary>
    private TurnMessage? TurnFor(int receiver)
    {
        if (_document?.Status != RoomStatus.Playing || _game is not { Turn: { } turn } game || _deadline is not { } deadline)
        {
            return null;
        }

        var choosing = game.Phase == GamePhase.ChoosingTrump;
        return new TurnMessage(turn, deadline, choosing ? "choose_trump" : "play_card")
        {
            Legal = receiver == turn ? RoomViews.LegalFor(game, turn) : null,
        };
    }

    private void SendTurn()
    {
        foreach (var (seat, connection) in AttachedConnections())
        {
            if (TurnFor(seat) is { } turn)
            {
                connection.Send(turn);
            }
        }
    }

    private void SendToAll(ServerMessage message, int except = -1)
    {
        byte[]? frame = null;
        foreach (var (seat, connection) in AttachedConnections())
        {
            if (seat != except)
            {
                connection.SendFrame(frame ??= ServerMessages.Serialize(message));
            }
        }
    }

    private IEnumerable<(int Seat, SeatPeer Connection)> AttachedConnections()
    {
        for (var s = 0; s < Seats.Count; s++)
        {
            if (_seats[s].Connection is { } connection)
            {
                yield return (s, connection);
            }
        }
    }

    private bool IsConnected(int seat) => _seats[seat].Connection is not null;

    private StateMessage StateFor(int seat, string? replyTo) =>
        RoomViews.State(_document!, _game, seat, IsConnected, _deadline, replyTo);

    private RoomJoinedMessage RoomJoinedFor(int seat, string? replyTo) =>
        new(Code, seat, RoomViews.Players(_document!, IsConnected), _document!.TargetScore, _document.Public) { ReplyTo = replyTo };
}
