using System.Text.Json;
using Hokm.Game.Bots;
using Hokm.Game.Cards;
using Hokm.Game.Events;
using Hokm.Game.Moves;
using Hokm.Game.Rules;
using Hokm.Game.Serialization;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Rules;

public sealed class ReplayTests
{
    [Fact]
    public void Replaying_the_moves_of_a_game_gives_the_same_events()
    {
        var events = new List<GameEvent>();
        BotMatch.Play("replay-1", null, BotMatch.CreateBots(BotLineup.Mixed, "replay-1"), events.Add);
        var moves = GameMove.FromEvents(events);

        var replay = HokmGame.Replay("replay-1", null, moves);

        Assert.True(replay.Succeeded);
        Assert.Equal(Json(events), Json(replay.Events));
        Assert.Equal(GamePhase.GameOver, replay.Game.Phase);
    }

    [Fact]
    public void A_move_log_survives_json()
    {
        IReadOnlyList<GameMove> moves = [new ChooseTrumpMove(0, Suit.Hearts, true), new PlayCardMove(0, C("4D")), NextHandMove.Instance];
        var json = JsonSerializer.Serialize(moves, HokmJsonContext.Default.IReadOnlyListGameMove);
        Assert.Contains("\"kind\":\"choose_trump\"", json, StringComparison.Ordinal);
        Assert.Equal(moves, JsonSerializer.Deserialize(json, HokmJsonContext.Default.IReadOnlyListGameMove));
    }

    [Fact]
    public void Replay_stops_at_the_first_refused_move()
    {
        var replay = HokmGame.Replay("42", null, [new ChooseTrumpMove(0, Suit.Hearts, false), new PlayCardMove(1, C("QD")), new PlayCardMove(0, C("4D"))]);
        Assert.False(replay.Succeeded);
        Assert.Equal(1, replay.RejectedMoveIndex);
        Assert.Equal(RejectionCode.NotYourTurn, replay.Rejection?.Code);
    }

    [Fact]
    public void Auto_trump_is_replayed_as_auto()
    {
        var (game, _) = HokmGame.Create("42");
        var auto = (TrumpChosen)game.ChooseTrumpAutomatically().Events[0];
        var replay = HokmGame.Replay("42", null, [GameMove.FromEvent(auto)!]);
        Assert.Equal(auto, replay.Events.OfType<TrumpChosen>().Single());
    }

    private static string Json(IReadOnlyList<GameEvent> events) =>
        JsonSerializer.Serialize(events, HokmJsonContext.Default.IReadOnlyListGameEvent);
}
