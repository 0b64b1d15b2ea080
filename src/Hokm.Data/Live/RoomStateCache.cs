using Microsoft.Extensions.Caching.Memory;

namespace Hokm.Data.Live;

/// <summary>
/// The last state this process saw of each room: the final read fallback (the guide's
/// <c>get_cached_player_data</c>) when neither Redis nor the persistent store answers. Bounded.
/// </summary>
internal sealed class RoomStateCache : IDisposable
{
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) };
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public void Remember(RoomState state)
    {
        if (!_cache.TryGetValue(state.Room, out RoomState? known) || known is null || known.Version <= state.Version)
        {
            _cache.Set(state.Room, state, Entry);
        }
    }

    public RoomState? Recall(string room) => _cache.TryGetValue(room, out RoomState? state) ? state : null;

    public void Dispose() => _cache.Dispose();
}
