using Hokm.Game.Moves;
using Hokm.Game.Rules;

namespace Hokm.Game.Bots;

/// <summary>
/// Lets a bot act for a seat of a live game (a server's timeout, an abandoned seat, a simulation),
/// showing it only that seat's knowledge.
/// </summary>
public static class BotDriver
{
    /// <summary>What the Hakem sees while naming trump.</summary>
    public static TrumpContext TrumpContextFor(HokmGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Phase != GamePhase.ChoosingTrump)
        {
            throw new InvalidOperationException("Trump is not being chosen.");
        }

        return new TrumpContext(game.Hakem, game.HandOf(game.Hakem), game.Score, game.HandNumber, game.Options.TargetScore);
    }

    /// <summary>What <paramref name="seat"/> sees when it is to play.</summary>
    public static PlayContext PlayContextFor(HokmGame game, int seat)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Phase != GamePhase.Playing || game.Turn != seat)
        {
            throw new InvalidOperationException($"It is not seat {seat}'s turn to play.");
        }

        var hand = game.HandOf(seat);
        var trick = game.CurrentTrick;
        return new PlayContext(
            seat,
            game.Hakem,
            game.Trump!.Value,
            hand,
            trick.LegalCards(hand),
            trick,
            game.PlayedThisHand,
            game.Tricks,
            game.Score,
            game.HandNumber,
            game.Options.TargetScore);
    }

    /// <summary>
    /// The bot's move for the seat that must act now (trump for the Hakem, a card for the player to move),
    /// or null between hands and after the game.
    /// </summary>
    public static GameMove? ChooseMove(HokmGame game, IHokmBot bot, bool autoTrump = false)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(bot);
        switch (game.Phase)
        {
            case GamePhase.ChoosingTrump:
                return new ChooseTrumpMove(game.Hakem, bot.ChooseTrump(TrumpContextFor(game)), autoTrump);
            case GamePhase.Playing:
                var seat = game.CurrentTrick.NextSeat;
                return new PlayCardMove(seat, bot.ChooseCard(PlayContextFor(game, seat)));
            default:
                return null;
        }
    }
}
