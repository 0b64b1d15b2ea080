using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Hokm.Data.Errors;
using StackExchange.Redis;

namespace Hokm.Data.Redis;

/// <summary>
/// The key layout (docs/data-layer.md "Key layout"). Every key of one room carries the room code as
/// its hash tag (<c>{ROOM}</c>), so a commit script that touches several of them stays in one
/// Redis Cluster slot.
/// </summary>
internal sealed class RedisKeys
{
    /// <summary>Longest room code or identifier accepted in a key.</summary>
    public const int MaxIdLength = 64;

    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private readonly string _prefix;

    public RedisKeys(string prefix)
    {
        if (prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('}', StringComparison.Ordinal))
        {
            throw new InvalidKeyException("The key prefix must not contain braces: they would change the hash slot of every key.");
        }

        _prefix = prefix;
        OutboxPending = prefix + "outbox:pending";
        ActiveRooms = prefix + "rooms:active";
        OnlinePlayers = prefix + "presence:online";
    }

    /// <summary>Set of room codes whose outbox may hold entries (an index for the sync worker).</summary>
    public RedisKey OutboxPending { get; }

    /// <summary>Sorted set: room code → time of its last commit (ms).</summary>
    public RedisKey ActiveRooms { get; }

    /// <summary>Sorted set: player id → time of their last heartbeat (ms).</summary>
    public RedisKey OnlinePlayers { get; }

    /// <summary>Hash with the room's version, state document, last outbox sequence and timestamps.</summary>
    public RedisKey Room(string room) => $"{_prefix}{{{room}}}:room";

    /// <summary>List of outbox entries (<c>seq|payload</c>), oldest first; never expires while it holds entries.</summary>
    public RedisKey Outbox(string room) => $"{_prefix}{{{room}}}:outbox";

    /// <summary>The consumer lease on the room's outbox.</summary>
    public RedisKey OutboxLease(string room) => $"{_prefix}{{{room}}}:lease";

    /// <summary>Hash: player id → seat record of the players in the room.</summary>
    public RedisKey Players(string room) => $"{_prefix}{{{room}}}:players";

    /// <summary>The room and seat a player holds (for reconnection).</summary>
    public RedisKey PlayerRoom(string playerId) => $"{_prefix}player:{playerId}:room";

    /// <summary>Presence hash of a player: node, connection time.</summary>
    public RedisKey Presence(string playerId) => $"{_prefix}presence:{playerId}";

    /// <summary>A session, keyed by the SHA-256 of its token so that tokens are never stored.</summary>
    public RedisKey Session(string token)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return $"{_prefix}session:{Convert.ToHexStringLower(hash)}";
    }

    /// <summary>Checks and normalises a room code: 1–64 of <c>A-Z a-z 0-9 _ -</c>, upper-cased.</summary>
    /// <exception cref="InvalidKeyException">The code is empty, too long or has other characters.</exception>
    public static string NormalizeRoom(string? room) => NormalizeId(room, "room code").ToUpperInvariant();

    /// <summary>Checks an identifier (player id, consumer id): 1–64 of <c>A-Z a-z 0-9 _ -</c>.</summary>
    /// <exception cref="InvalidKeyException">The identifier is empty, too long or has other characters.</exception>
    public static string NormalizeId(string? id, string what = "identifier")
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new InvalidKeyException($"The {what} is empty.");
        }

        if (id.Length > MaxIdLength)
        {
            throw new InvalidKeyException($"The {what} is {id.Length} characters long; at most {MaxIdLength} are allowed.");
        }

        var bad = id.AsSpan().IndexOfAnyExcept(IdChars);
        if (bad >= 0)
        {
            throw new InvalidKeyException($"The {what} contains '{id[bad]}' at position {bad}; only letters, digits, '_' and '-' are allowed.");
        }

        return id;
    }
}
