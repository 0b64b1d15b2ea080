namespace Hokm.Data.Live;

internal sealed partial class RedisLiveStore
{
    /// <summary>
    /// The Lua scripts. They touch only keys of one room (one hash tag), so they run unchanged on
    /// Redis Cluster, and they use only commands Garnet implements (no Streams, no TYPE).
    /// Every check happens before the first write: Redis does not roll a script back, so a script
    /// that stopped half-way would leave half a commit behind.
    /// </summary>
    internal static class Scripts
    {
        /// <summary>
        /// KEYS: room hash, outbox list, room lease. ARGV: expected version, state document, TTL (ms), now (ms),
        /// the caller's lease value (<c>node/token</c>, or empty for a commit without a lease), then one
        /// <c>at|type|payload</c> string per event.
        /// Returns <c>{1, version, lastSeq, outboxLength, previousCommitMs}</c>, <c>{0, currentVersion}</c> on a version conflict,
        /// <c>{-1}</c> when the room does not exist, <c>{-3, reason}</c> when stored data is corrupted,
        /// <c>{-4, currentHolder}</c> when the caller's lease is no longer the room's lease (fenced).
        /// </summary>
        public const string Commit = """
            if ARGV[5] ~= '' then
              local holder = redis.call('GET', KEYS[3])
              if holder ~= ARGV[5] then return {-4, holder or ''} end
            end
            local cur = redis.pcall('HMGET', KEYS[1], 'v', 'seq', 'at')
            if type(cur) == 'table' and cur.err then return {-3, 'room key: ' .. tostring(cur.err)} end
            local olen = redis.pcall('LLEN', KEYS[2])
            if type(olen) == 'table' and olen.err then return {-3, 'outbox key: ' .. tostring(olen.err)} end
            local expected = tonumber(ARGV[1])
            local v = 0
            local seq = 0
            if cur[1] then
              v = tonumber(cur[1])
              if v == nil then return {-3, 'room version is not a number'} end
              if cur[2] then
                seq = tonumber(cur[2])
                if seq == nil then return {-3, 'room sequence is not a number'} end
              end
            elseif expected ~= 0 then
              return {-1}
            end
            if v ~= expected then return {0, v} end
            for i = 6, #ARGV do
              seq = seq + 1
              olen = redis.call('RPUSH', KEYS[2], seq .. '|' .. ARGV[i])
            end
            v = v + 1
            redis.call('HSET', KEYS[1], 'v', v, 'doc', ARGV[2], 'seq', seq, 'at', ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return {1, v, seq, olen, tonumber(cur[3]) or 0}
            """;

        /// <summary>
        /// KEYS: lease, outbox. ARGV: consumer id, lease (ms), max entries.
        /// Returns <c>{0}</c> when another consumer holds the lease, else <c>{1, entry…}</c> with the
        /// oldest entries (which stay in the outbox until acknowledged).
        /// </summary>
        public const string Lease = """
            local holder = redis.call('GET', KEYS[1])
            if holder and holder ~= ARGV[1] then return {0} end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            local entries = redis.call('LRANGE', KEYS[2], 0, tonumber(ARGV[3]) - 1)
            local result = {1}
            for i = 1, #entries do result[i + 1] = entries[i] end
            return result
            """;

        /// <summary>
        /// KEYS: lease, outbox. ARGV: consumer id, acknowledge up to this sequence, release (1/0).
        /// Removes entries from the head while their sequence is at most the given one (an
        /// unreadable head entry was seen by the consumer and dead-lettered, so it goes too).
        /// Returns <c>{removed, remaining}</c>, or <c>{-1, remaining}</c> when another consumer now
        /// holds the lease (it will acknowledge; the writes are idempotent either way).
        /// </summary>
        public const string Ack = """
            local holder = redis.call('GET', KEYS[1])
            if holder and holder ~= ARGV[1] then return {-1, redis.call('LLEN', KEYS[2])} end
            local upto = tonumber(ARGV[2])
            local removed = 0
            while true do
              local head = redis.call('LINDEX', KEYS[2], 0)
              if not head then break end
              local s = tonumber(string.match(head, '^(%d+)|'))
              if s ~= nil and s > upto then break end
              redis.call('LPOP', KEYS[2])
              removed = removed + 1
            end
            if ARGV[3] == '1' and holder then redis.call('DEL', KEYS[1]) end
            return {removed, redis.call('LLEN', KEYS[2])}
            """;

        /// <summary>
        /// KEYS: room hash. ARGV: version, document, last sequence, at (ms), TTL (ms).
        /// Writes a state that was committed elsewhere (PostgreSQL) unless Redis already holds that
        /// version or a newer one. Returns 1 when written, 0 when Redis was not behind, -3 when corrupted.
        /// </summary>
        public const string Restore = """
            local cur = redis.pcall('HGET', KEYS[1], 'v')
            if type(cur) == 'table' and cur.err then return -3 end
            if cur and tonumber(cur) ~= nil and tonumber(cur) >= tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'doc', ARGV[2], 'seq', ARGV[3], 'at', ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1
            """;

        /// <summary>
        /// KEYS: stream hash, outbox. ARGV: one <c>at|type|payload</c> per event.
        /// Appends to an outbox that carries no state (the sync-task queues): sequence numbers
        /// continue the stream's own. Returns <c>{lastSeq, outboxLength}</c>, or <c>{-3, reason}</c>.
        /// </summary>
        public const string Append = """
            local seq = redis.pcall('HGET', KEYS[1], 'seq')
            if type(seq) == 'table' and seq.err then return {-3, 'stream key: ' .. tostring(seq.err)} end
            local olen = redis.pcall('LLEN', KEYS[2])
            if type(olen) == 'table' and olen.err then return {-3, 'outbox key: ' .. tostring(olen.err)} end
            seq = tonumber(seq) or 0
            for i = 1, #ARGV do
              seq = seq + 1
              olen = redis.call('RPUSH', KEYS[2], seq .. '|' .. ARGV[i])
            end
            redis.call('HSET', KEYS[1], 'seq', seq)
            return {seq, olen}
            """;

        /// <summary>
        /// KEYS: room lease, fencing counter. ARGV: node id, lease (ms), counter TTL (ms).
        /// Takes the lease unless another node holds it: the counter is incremented (the new fencing
        /// token) and the lease set to <c>node/token</c> with the expiry. Returns <c>{1, value}</c> when
        /// taken, <c>{0, holder}</c> when another node holds it.
        /// </summary>
        public const string LeaseAcquire = """
            local holder = redis.call('GET', KEYS[1])
            if holder then
              local at = string.find(holder, '/', 1, true)
              if not at or string.sub(holder, 1, at - 1) ~= ARGV[1] then return {0, holder} end
            end
            local token = redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            local value = ARGV[1] .. '/' .. token
            redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
            return {1, value}
            """;

        /// <summary>
        /// KEYS: room lease, fencing counter. ARGV: lease value, lease (ms), counter TTL (ms).
        /// Extends the lease if it still holds that value. Returns 1 when extended, 0 when lost.
        /// </summary>
        public const string LeaseRenew = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            return 1
            """;

        /// <summary>KEYS: room lease. ARGV: lease value. Deletes the lease if it still holds that value; 1 when deleted.</summary>
        public const string LeaseRelease = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            return 1
            """;

        /// <summary>KEYS: session. ARGV: TTL (ms). Reads the session and slides its expiry in one step.</summary>
        public const string TouchSession = """
            local v = redis.call('GET', KEYS[1])
            if v then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return v
            """;
    }
}
