using System.Collections.Concurrent;

namespace Hokm.Data.Live;

/// <summary>
/// The last state this process saw of each room: the final read fallback (the guide's
/// <c>get_cached_player_data</c>) when neither Redis nor the persistent store answers, and the
/// source of a room's outbox position while Redis is down. Bounded: past the limit it starts over
/// (cheap, and a miss only costs a fallback read).
/// </summary>
internal sealed class RoomStateCache
{
    private const int Limit = 10_000;
    private readonly ConcurrentDictionary<string, RoomState> _rooms = new(StringComparer.Ordinal);

    public void Remember(RoomState state)
    {
        if (_rooms.Count >= Limit && !_rooms.ContainsKey(state.Room))
        {
            _rooms.Clear();
        }

        _rooms.AddOrUpdate(state.Room, static (_, next) => next, static (_, known, next) => known.Version <= next.Version ? next : known, state);
    }

    public RoomState? Recall(string room) => _rooms.TryGetValue(room, out var state) ? state : null;
}
