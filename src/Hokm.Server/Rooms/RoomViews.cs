using Hokm.Game.Cards;
using Hokm.Game.Rules;
using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

/// <summary>
/// Builds what one seat may see of a room: <c>state</c> and the players list. Cards come only from
/// <see cref="HokmGame.GetView"/>, which never shows another seat's hand.
/// </summary>
internal static class RoomViews
{
    private static readonly int[] NoCounts = [0, 0, 0, 0];

    /// <summary>The seated players and bots, by seat.</summary>
    public static IReadOnlyList<PlayerInfo> Players(RoomDocument document, Func<int, bool> connected)
    {
        var players = new List<PlayerInfo>(Seats.Count);
        for (var s = 0; s < Seats.Count; s++)
        {
            if (document.Seats[s] is { } seat)
            {
                players.Add(new PlayerInfo(s, seat.Bot ? null : seat.PlayerId, seat.Name, seat.Bot, seat.Bot || connected(s)));
            }
        }

        return players;
    }

    /// <summary>The wire name of the room's phase.</summary>
    public static string Phase(RoomDocument document, HokmGame? game) => (document.Status, game?.Phase) switch
    {
        (RoomStatus.Waiting, _) or (_, null) => "waiting",
        (_, GamePhase.ChoosingTrump) => "choosing_trump",
        (_, GamePhase.Playing) => "playing",
        (_, GamePhase.HandOver) => "hand_over",

        // game_over is announced only once the game is written through; until then the hand is just over.
        (RoomStatus.Finished, GamePhase.GameOver) => "game_over",
        _ => "hand_over",
    };

    /// <summary><c>state</c> for <paramref name="seat"/>.</summary>
    public static StateMessage State(RoomDocument document, HokmGame? game, int seat, Func<int, bool> connected, DateTimeOffset? deadline, string? replyTo)
    {
        var view = game?.GetView(seat);
        var playing = document.Status == RoomStatus.Playing;
        return new StateMessage
        {
            Room = document.Room,
            GameId = document.GameId,
            Phase = Phase(document, game),
            Seat = seat,
            Players = Players(document, connected),
            Hakem = view?.Hakem,
            Trump = view?.Trump,
            Turn = playing ? view?.Turn : null,
            Hand = view?.Hand ?? [],
            HandCounts = view?.HandCounts ?? NoCounts,
            Trick = view?.Trick ?? [],
            Tricks = view?.Tricks ?? TeamScore.Zero,
            Score = view?.Score ?? TeamScore.Zero,
            HandNumber = view?.HandNumber ?? 0,
            Version = document.Version,
            Deadline = playing ? deadline : null,
            Legal = playing ? view?.Legal : null,
            TargetScore = document.TargetScore,
            TrickNumber = view?.TrickNumber ?? 0,
            TrumpAuto = game?.TrumpAuto ?? false,
            Public = document.Public,
            Winner = document.Status == RoomStatus.Finished ? view?.Winner : null,
            ReplyTo = replyTo,
        };
    }

    /// <summary><c>state</c> for a player who holds no seat.</summary>
    public static StateMessage Unseated(string? replyTo) => new()
    {
        Room = null,
        GameId = null,
        Phase = "waiting",
        Seat = null,
        Players = [],
        Hakem = null,
        Trump = null,
        Turn = null,
        Hand = [],
        HandCounts = NoCounts,
        Trick = [],
        Tricks = TeamScore.Zero,
        Score = TeamScore.Zero,
        HandNumber = 0,
        Version = 0,
        Deadline = null,
        TargetScore = GameOptions.MaxTargetScore,
        TrickNumber = 0,
        TrumpAuto = false,
        Public = false,
        Winner = null,
        ReplyTo = replyTo,
    };

    /// <summary>The cards a seat may play now (empty unless it is that seat's turn to play).</summary>
    public static IReadOnlyList<Card>? LegalFor(HokmGame game, int seat) =>
        game.Phase == GamePhase.Playing && game.Turn == seat ? game.LegalCards(seat).ToArray() : null;
}
