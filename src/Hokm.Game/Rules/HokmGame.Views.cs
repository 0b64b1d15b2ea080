namespace Hokm.Game.Rules;

public sealed partial class HokmGame
{
    /// <summary>The game as <paramref name="seat"/> sees it (its own cards only).</summary>
    public SeatView GetView(int seat)
    {
        CheckSeat(seat);
        var counts = new int[Seats.Count];
        for (var s = 0; s < Seats.Count; s++)
        {
            counts[s] = _hands[s].Count;
        }

        var myTurnToPlay = _phase == GamePhase.Playing && _trick.NextSeat == seat;
        return new SeatView
        {
            Phase = _phase,
            Seat = seat,
            Hakem = _hakem,
            Trump = _trump,
            Turn = Turn,
            Hand = _hands[seat].ToArray(),
            HandCounts = counts,
            Trick = _trick.ToArray(),
            Tricks = _tricks,
            Score = _score,
            HandNumber = _handNumber,
            TrickNumber = TrickNumber,
            TargetScore = Options.TargetScore,
            Legal = myTurnToPlay ? _trick.LegalCards(_hands[seat]).ToArray() : null,
            Winner = Winner,
        };
    }
}
