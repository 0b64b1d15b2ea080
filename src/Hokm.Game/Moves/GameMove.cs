using System.Text.Json.Serialization;
using Hokm.Game.Events;

namespace Hokm.Game.Moves;

/// <summary>
/// A player's (or the timeout's) decision, as stored in the move log. Replaying a game's moves from its
/// seed rebuilds it event for event (<see cref="Rules.HokmGame.Replay"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ChooseTrumpMove), "choose_trump")]
[JsonDerivedType(typeof(PlayCardMove), "play_card")]
[JsonDerivedType(typeof(NextHandMove), "next_hand")]
public abstract record GameMove
{
    /// <summary>The move that caused an event, or null for events that follow from another move.</summary>
    public static GameMove? FromEvent(GameEvent gameEvent) => gameEvent switch
    {
        TrumpChosen e => new ChooseTrumpMove(e.Seat, e.Suit, e.Auto),
        CardPlayed e => new PlayCardMove(e.Seat, e.Card),
        HakemChosen e when e.HandNumber > 1 => NextHandMove.Instance,
        null => throw new ArgumentNullException(nameof(gameEvent)),
        _ => null,
    };

    /// <summary>The moves behind a sequence of events (what a server's move log holds).</summary>
    public static IReadOnlyList<GameMove> FromEvents(IEnumerable<GameEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var moves = new List<GameMove>();
        foreach (var gameEvent in events)
        {
            if (FromEvent(gameEvent) is { } move)
            {
                moves.Add(move);
            }
        }

        return moves;
    }
}
