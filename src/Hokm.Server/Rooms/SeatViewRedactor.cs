using System.Text.Json;
using Hokm.Data.Live;
using Hokm.Game.Rules;
using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

/// <summary>
/// The data layer's <see cref="ISeatViewRedactor"/>: turns a stored room document into the
/// <c>state</c> message of one seat (its own cards only; the seed and the other hands never leave).
/// Whether humans are connected is not in the document, so they show as not connected.
/// </summary>
internal sealed class SeatViewRedactor : ISeatViewRedactor
{
    public string Redact(string document, int seat)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seat);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(seat, Seats.Count);
        var room = RoomDocument.FromJson(document);
        var game = room.Game is { } snapshot ? HokmGame.Restore(snapshot) : null;
        var state = RoomViews.State(room, game, seat, static _ => false, room.Deadline, null);
        return JsonSerializer.Serialize<ServerMessage>(state, ProtocolJsonContext.Default.ServerMessage);
    }
}
