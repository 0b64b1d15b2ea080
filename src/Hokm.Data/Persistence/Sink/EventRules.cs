using System.Globalization;
using System.Text.Json;
using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Persistence.Sink;

/// <summary>
/// The values an event may hold, checked before anything reaches the database. The schema checks
/// the same things again (check constraints), but a bad value found here is reported for its entry
/// alone, without costing the batch a failed statement.
/// </summary>
internal static class EventRules
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 64;
    public const int MaxHashLength = 256;

    public static string? Check(GameStarted game) =>
        Id(game.GameId, "gameId")
        ?? Id(game.Room, "room")
        ?? Text(game.SeedHash, "seedHash", MaxHashLength)
        ?? (game.TargetScore is < 1 or > 1000 ? $"targetScore {Int(game.TargetScore)} is not 1–1000" : null)
        ?? Time(game.StartedAt, "startedAt")
        ?? Seats(game.Players);

    public static string? Check(MoveRecorded move) =>
        Id(move.GameId, "gameId")
        ?? (move.Seq < 1 ? $"seq {move.Seq.ToString(CultureInfo.InvariantCulture)} is not positive" : null)
        ?? (move.Hand < 1 ? $"hand {Int(move.Hand)} is not positive" : null)
        ?? (move.Trick is < 0 or > 13 ? $"trick {Int(move.Trick)} is not 0–13" : null)
        ?? Seat(move.Seat, "seat")
        ?? Time(move.At, "at")
        ?? move.Kind switch
        {
            MoveKind.Play => Text(move.Card, "card", 3),
            MoveKind.Trump => Text(move.Suit, "suit", 1),
            _ => $"kind {Int((int)move.Kind)} is not trump or play",
        }
        ?? (move.Card is { Length: > 3 } ? "card is longer than 3 characters" : null)
        ?? (move.Suit is { Length: > 1 } ? "suit is longer than 1 character" : null);

    public static string? Check(HandCompleted hand) =>
        Id(hand.GameId, "gameId")
        ?? (hand.Number < 1 ? $"number {Int(hand.Number)} is not positive" : null)
        ?? Seat(hand.Hakem, "hakem")
        ?? Text(hand.Trump, "trump", 1)
        ?? (hand.TricksA is < 0 or > 13 || hand.TricksB is < 0 or > 13 ? "tricksA and tricksB must be 0–13" : null)
        ?? (hand.Points is < 1 or > 3 ? $"points {Int(hand.Points)} is not 1–3" : null)
        ?? (Enum.IsDefined(hand.Winner) ? null : "winner is not A or B")
        ?? (Enum.IsDefined(hand.Kot) ? null : "kot is not none, kot or hakem_kot");

    public static string? Check(ActionRecorded action) =>
        (action.Id == Guid.Empty ? "id is empty" : null)
        ?? OptionalId(action.PlayerId, "playerId")
        ?? OptionalId(action.GameId, "gameId")
        ?? Text(action.Kind, "kind", MaxNameLength)
        ?? Time(action.At, "at")
        ?? (action.Data.ValueKind == JsonValueKind.Undefined ? "data is missing" : null);

    private static string? Seats(IReadOnlyList<SeatAssignment>? players)
    {
        if (players is not { Count: 4 })
        {
            return "players must list exactly 4 seats";
        }

        var seen = 0;
        foreach (var player in players)
        {
            if (player is null)
            {
                return "a seat is null";
            }

            var error = Seat(player.Seat, "seat")
                ?? Text(player.Name, "name", MaxNameLength)
                ?? (player.Bot ? OptionalId(player.PlayerId, "playerId") : Id(player.PlayerId, "playerId of a human seat"));
            if (error is not null)
            {
                return error;
            }

            seen |= 1 << player.Seat;
        }

        return seen == 0b1111 ? null : "players must hold seats 0, 1, 2 and 3 once each";
    }

    private static string? Id(string? value, string name) => Text(value, name, MaxIdLength);

    private static string? OptionalId(string? value, string name) =>
        value is null ? null : Text(value, name, MaxIdLength);

    private static string? Text(string? value, string name, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? $"{name} is missing"
        : value.Length > maxLength ? $"{name} is longer than {Int(maxLength)} characters"
        : null;

    private static string? Seat(int seat, string name) => seat is < 0 or > 3 ? $"{name} {Int(seat)} is not 0–3" : null;

    private static string? Time(DateTimeOffset value, string name) => value == default ? $"{name} is missing" : null;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
