using System.Globalization;
using Hokm.Game.Events;
using Hokm.Game.Rules;
using Hokm.Game.Shuffling;

namespace Hokm.Game.Bots;

/// <summary>Plays whole games with four bots (the simulator, tests and the benchmark use it).</summary>
public static class BotMatch
{
    /// <summary>
    /// Plays one game from <paramref name="seed"/> to the end; <paramref name="bots"/> are indexed by seat.
    /// Every event (private ones included) goes to <paramref name="onEvent"/> in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">A bot made an illegal move.</exception>
    public static BotGameResult Play(string seed, GameOptions? options, IReadOnlyList<IHokmBot> bots, Action<GameEvent>? onEvent = null)
    {
        ArgumentNullException.ThrowIfNull(bots);
        if (bots.Count != Seats.Count)
        {
            throw new ArgumentException("One bot per seat.", nameof(bots));
        }

        var (game, events) = HokmGame.Create(seed, options);
        Emit(events, onEvent);
        while (true)
        {
            CommandResult result;
            int seat;
            switch (game.Phase)
            {
                case GamePhase.ChoosingTrump:
                    seat = game.Hakem;
                    result = game.ChooseTrump(seat, bots[seat].ChooseTrump(BotDriver.TrumpContextFor(game)));
                    break;
                case GamePhase.Playing:
                    seat = game.CurrentTrick.NextSeat;
                    result = game.PlayCard(seat, bots[seat].ChooseCard(BotDriver.PlayContextFor(game, seat)));
                    break;
                case GamePhase.HandOver:
                    seat = -1;
                    result = game.StartNextHand();
                    break;
                default:
                    return new BotGameResult(game.Winner!.Value, game.Score, game.HandNumber);
            }

            if (result.Rejection is { } rejection)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Seed {seed}: the {(seat >= 0 ? bots[seat].Name : "driver")} at seat {seat} made an illegal move: {rejection.Message}"));
            }

            Emit(result.Events, onEvent);
        }
    }

    /// <summary>
    /// The bots of a simulated game by kind: <c>heuristic</c>, <c>random</c>, or <c>mixed</c> (heuristic
    /// team A against random team B). Random bots share one generator derived from <c>seed + ":bots"</c>.
    /// </summary>
    public static IHokmBot[] CreateBots(BotLineup lineup, string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var random = lineup == BotLineup.Heuristic ? null : new RandomBot(HokmShuffle.BotRandom(seed));
        var bots = new IHokmBot[Seats.Count];
        for (var s = 0; s < Seats.Count; s++)
        {
            bots[s] = lineup switch
            {
                BotLineup.Heuristic => HeuristicBot.Instance,
                BotLineup.Random => random!,
                BotLineup.Mixed => Seats.TeamOf(s) == Team.A ? HeuristicBot.Instance : random!,
                _ => throw new ArgumentOutOfRangeException(nameof(lineup), lineup, "Unknown lineup."),
            };
        }

        return bots;
    }

    private static void Emit(IReadOnlyList<GameEvent> events, Action<GameEvent>? onEvent)
    {
        if (onEvent is null)
        {
            return;
        }

        for (var i = 0; i < events.Count; i++)
        {
            onEvent(events[i]);
        }
    }
}
