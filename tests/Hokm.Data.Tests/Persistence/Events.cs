using System.Text.Json;
using Hokm.Data.Live;
using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Tests.Persistence;

/// <summary>Sample events and the outbox entries that carry them.</summary>
internal static class Events
{
    private static long _sequence;

    public static string NewGameId() => Guid.NewGuid().ToString("N");

    public static GameStarted Game(string gameId, params string?[] humans) => new(
        gameId,
        "ROOM" + gameId[..4].ToUpperInvariant(),
        PersistenceHarness.Start,
        7,
        "sha256:" + gameId,
        [
            new SeatAssignment(0, "Sara", humans.ElementAtOrDefault(0) is null, humans.ElementAtOrDefault(0)),
            new SeatAssignment(1, "Bot 1", humans.ElementAtOrDefault(1) is null, humans.ElementAtOrDefault(1)),
            new SeatAssignment(2, "Bot 2", humans.ElementAtOrDefault(2) is null, humans.ElementAtOrDefault(2)),
            new SeatAssignment(3, "Bot 3", humans.ElementAtOrDefault(3) is null, humans.ElementAtOrDefault(3)),
        ]);

    /// <summary>Move <paramref name="seq"/> of a game: each hand is a trump choice, then 52 cards (13 tricks of 4).</summary>
    public static MoveRecorded Move(string gameId, long seq)
    {
        var hand = (int)((seq - 1) / 53) + 1;
        var position = (int)((seq - 1) % 53);
        var at = PersistenceHarness.Start.AddMilliseconds(seq * 250);
        return position == 0
            ? new MoveRecorded(gameId, seq, hand, 0, (hand - 1) % 4, MoveKind.Trump, false, at, Suit: "H")
            : new MoveRecorded(gameId, seq, hand, ((position - 1) / 4) + 1, (position - 1) % 4, MoveKind.Play, seq % 5 == 0, at, Card: "10H");
    }

    public static HandCompleted Hand(string gameId, int number, int hakem = 0, TeamSide winner = TeamSide.A, KotKind kot = KotKind.None) =>
        new(gameId, number, hakem, "S", number % 2 == 0, winner == TeamSide.A ? 7 : (kot == KotKind.None ? 3 : 0), winner == TeamSide.B ? 7 : (kot == KotKind.None ? 4 : 0),
            winner, kot switch { KotKind.None => 1, KotKind.Kot => 2, _ => 3 }, kot);

    public static ActionRecorded Action(string? playerId = null, string? gameId = null) =>
        new(Guid.NewGuid(), "chat", JsonDocument.Parse("""{"text":"salam","n":1}""").RootElement.Clone(), PersistenceHarness.Start.AddMinutes(5), playerId, gameId);

    public static OutboxEntry Entry(OutboxEvent e, string room = "ROOM01") =>
        new(room, Interlocked.Increment(ref _sequence), e.Type, PersistenceHarness.Start, e.Payload);

    public static OutboxEntry Entry(string type, string payload, string room = "ROOM01") =>
        new(room, Interlocked.Increment(ref _sequence), type, PersistenceHarness.Start, payload);

    public static List<OutboxEntry> Moves(string gameId, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(seq => Entry(OutboxEvents.Move(Move(gameId, seq)))).ToList();
}
