using Hokm.Game.Events;
using Hokm.Game.Moves;

namespace Hokm.Game.Rules;

public sealed partial class HokmGame
{
    /// <summary>
    /// Rebuilds a game from its seed, options and move log, producing the same events as the original
    /// (this is how a record is rebuilt from the persisted moves).
    /// </summary>
    public static ReplayResult Replay(string seed, GameOptions? options, IEnumerable<GameMove> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var (game, startEvents) = Create(seed, options);
        var events = new List<GameEvent>(startEvents);
        var index = 0;
        foreach (var move in moves)
        {
            var result = game.Apply(move);
            if (!result.IsAccepted)
            {
                return new ReplayResult(game, events, index, result.Rejection);
            }

            events.AddRange(result.Events);
            index++;
        }

        return new ReplayResult(game, events, null, null);
    }
}
