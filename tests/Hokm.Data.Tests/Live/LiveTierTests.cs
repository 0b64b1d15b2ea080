using System.Collections.Concurrent;
using Hokm.Data.Errors;
using Hokm.Data.Live;
using Hokm.Data.Tests.Infrastructure;
using StackExchange.Redis;

namespace Hokm.Data.Tests.Live;

/// <summary>
/// The live tier's contract. Runs against a real redis-server, against embedded Garnet and against a
/// three-master Redis Cluster (see <see cref="LiveTierOnRedisTests"/>, <see cref="LiveTierOnGarnetTests"/> and
/// <see cref="LiveTierOnRedisClusterTests"/>): on the cluster every script and multi-key command must keep to
/// one hash slot (a CROSSSLOT error fails the test), and keyspace scans must cover every master.
/// </summary>
public abstract class LiveTierTests(ServerKind kind) : IAsyncLifetime
{
    private LiveTierHarness _harness = null!;

    protected IHybridDataLayer Data => _harness.Data;

    protected IDatabase Db => _harness.Database;

    protected string Prefix => _harness.Prefix;

    public async Task InitializeAsync()
    {
        var server = await TestServers.GetRedisTierAsync(kind);
        _harness = await LiveTierHarness.CreateAsync(server.ConnectionString + ",allowAdmin=true");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Create_makes_version_one_and_get_returns_the_document()
    {
        var created = await Data.CreateGameSessionAsync("ROOM01", """{"phase":"waiting"}""");

        Assert.Equal(new CommitResult(CommitStatus.Committed, 1, 0), created);
        var state = await Data.GetGameSessionAsync("room01");
        Assert.NotNull(state);
        Assert.Equal("ROOM01", state.Room);
        Assert.Equal(1, state.Version);
        Assert.Equal("""{"phase":"waiting"}""", state.Document);
    }

    [Fact]
    public async Task Creating_an_existing_room_is_a_version_conflict_that_writes_nothing()
    {
        await Data.CreateGameSessionAsync("ROOM02", "first");

        var again = await Data.CreateGameSessionAsync("ROOM02", "second", [new OutboxEvent("created", "x")]);

        Assert.Equal(CommitStatus.VersionConflict, again.Status);
        Assert.Equal(1, again.Version);
        Assert.Equal("first", (await Data.GetGameSessionAsync("ROOM02"))!.Document);
        Assert.Equal(0, await Data.Outbox.GetDepthAsync("ROOM02"));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_that_writes_nothing()
    {
        await Data.CreateGameSessionAsync("ROOM03", "v1");
        await Data.UpdateGameSessionAsync("ROOM03", 1, "v2", [new OutboxEvent("e", "1")]);

        var stale = await Data.ExecutePlayerMoveAsync("ROOM03", 1, "stale", [new OutboxEvent("e", "stale")]);

        Assert.Equal(new CommitResult(CommitStatus.VersionConflict, 2, 0), stale);
        var state = await Data.GetGameSessionAsync("ROOM03");
        Assert.Equal("v2", state!.Document);
        Assert.Equal(1, state.LastSequence);
        Assert.Equal(1, await Data.Outbox.GetDepthAsync("ROOM03"));
    }

    [Fact]
    public async Task Committing_to_a_missing_room_is_not_found()
    {
        var result = await Data.ExecutePlayerMoveAsync("NOROOM", 4, "doc", [new OutboxEvent("e", "p")]);

        Assert.Equal(CommitStatus.NotFound, result.Status);
        Assert.Null(await Data.GetGameSessionAsync("NOROOM"));
        Assert.Equal(0, await Data.Outbox.GetDepthAsync("NOROOM"));
    }

    [Fact]
    public async Task Events_get_consecutive_sequence_numbers_across_commits_in_order()
    {
        await Data.CreateGameSessionAsync("ROOM04", "s0", [new OutboxEvent("created", "c")]);
        await Data.ExecutePlayerMoveAsync("ROOM04", 1, "s1", [new OutboxEvent("card_played", "a"), new OutboxEvent("trick_won", "b")]);
        var last = await Data.ExecutePlayerMoveAsync("ROOM04", 2, "s2", [new OutboxEvent("card_played", "c|with|pipes")]);

        Assert.Equal(new CommitResult(CommitStatus.Committed, 3, 4), last);
        var batch = await Data.Outbox.LeaseAsync("ROOM04", "worker-1", 100, TimeSpan.FromSeconds(30));
        Assert.True(batch.Leased);
        Assert.Equal([1L, 2, 3, 4], batch.Entries.Select(e => e.Sequence));
        Assert.Equal(["created", "card_played", "trick_won", "card_played"], batch.Entries.Select(e => e.Type));
        Assert.Equal("c|with|pipes", batch.Entries[3].Payload);
        Assert.All(batch.Entries, e => Assert.False(e.IsCorrupted));
    }

    [Fact]
    public async Task A_commit_refreshes_the_room_ttl_but_the_outbox_never_expires()
    {
        await Data.CreateGameSessionAsync("ROOM05", "s0", [new OutboxEvent("created", "c")]);

        var roomTtl = await Db.KeyTimeToLiveAsync($"{Prefix}{{ROOM05}}:room");
        var outboxTtl = await Db.KeyTimeToLiveAsync($"{Prefix}{{ROOM05}}:outbox");

        Assert.NotNull(roomTtl);
        Assert.InRange(roomTtl.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60));
        Assert.Null(outboxTtl);
    }

    [Fact]
    public async Task Fifty_racers_at_the_same_version_exactly_one_wins_each_version_and_no_event_is_lost_or_duplicated()
    {
        const int versions = 200;
        const int racers = 50;
        await Data.CreateGameSessionAsync("RACE01", "v1");
        var winners = new ConcurrentBag<string>();
        for (var version = 1; version <= versions; version++)
        {
            var expected = version;
            var attempts = Enumerable.Range(0, racers).Select(async racer =>
            {
                var payload = $"v{expected}-r{racer}";
                var result = await Data.ExecutePlayerMoveAsync("RACE01", expected, payload, [new OutboxEvent("move", payload)]);
                if (result.Committed)
                {
                    winners.Add(payload);
                }

                return result;
            });
            var results = await Task.WhenAll(attempts);

            Assert.Single(results, r => r.Committed);
            Assert.All(results.Where(r => !r.Committed), r => Assert.Equal(new CommitResult(CommitStatus.VersionConflict, expected + 1, 0), r));
        }

        var entries = await DrainAsync("RACE01");
        Assert.Equal(Enumerable.Range(1, versions).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(winners.OrderBy(w => w, StringComparer.Ordinal), entries.Select(e => e.Payload).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(versions + 1, (await Data.GetGameSessionAsync("RACE01"))!.Version);
    }

    [Fact]
    public async Task Ten_thousand_concurrent_commits_over_many_rooms_lose_and_duplicate_nothing()
    {
        const int rooms = 40;
        const int commitsPerRoom = 250;
        var codes = Enumerable.Range(0, rooms).Select(i => $"BULK{i:D2}").ToArray();
        await Task.WhenAll(codes.Select(async code =>
        {
            await Data.CreateGameSessionAsync(code, "0");
            for (var v = 1; v <= commitsPerRoom; v++)
            {
                var result = await Data.ExecutePlayerMoveAsync(code, v, v.ToString(System.Globalization.CultureInfo.InvariantCulture), [new OutboxEvent("move", $"{code}:{v}")]);
                Assert.True(result.Committed, $"{code} v{v}: {result.Status}");
            }
        }));

        var pending = await Data.Outbox.GetPendingRoomsAsync(1000);
        Assert.Equal(codes.Order(StringComparer.Ordinal), pending.Order(StringComparer.Ordinal));
        foreach (var code in codes)
        {
            var entries = await DrainAsync(code);
            Assert.Equal(Enumerable.Range(1, commitsPerRoom).Select(v => $"{code}:{v}"), entries.Select(e => e.Payload));
            Assert.Equal(Enumerable.Range(1, commitsPerRoom).Select(v => (long)v), entries.Select(e => e.Sequence));
        }

        Assert.Empty(await Data.Outbox.GetPendingRoomsAsync(1000));
    }

    [Fact]
    public async Task A_flushed_script_cache_is_reloaded_transparently()
    {
        await Data.CreateGameSessionAsync("SCRIPT", "v1");

        foreach (var server in RedisTestServer.Masters(Db.Multiplexer))
        {
            await server.ScriptFlushAsync();
        }

        var result = await Data.ExecutePlayerMoveAsync("SCRIPT", 1, "v2", [new OutboxEvent("e", "p")]);

        Assert.True(result.Committed);
        Assert.Equal("v2", (await Data.GetGameSessionAsync("SCRIPT"))!.Document);
    }

    [Theory]
    [InlineData("a}b")]
    [InlineData("a{b")]
    [InlineData("*")]
    [InlineData("")]
    [InlineData("ROOM 1")]
    [InlineData("ÄBCDEF")]
    public async Task An_invalid_room_code_is_rejected_before_anything_is_written(string room)
    {
        var before = await CountKeysAsync();

        await Assert.ThrowsAsync<InvalidKeyException>(() => Data.CreateGameSessionAsync(room, "doc", [new OutboxEvent("e", "p")]));
        await Assert.ThrowsAsync<InvalidKeyException>(() => Data.ExecutePlayerMoveAsync(room, 1, "doc", [new OutboxEvent("e", "p")]));
        await Assert.ThrowsAsync<InvalidKeyException>(() => Data.GetGameSessionAsync(room));

        Assert.Equal(before, await CountKeysAsync());
    }

    [Fact]
    public async Task A_kilobyte_long_room_code_is_rejected_before_anything_is_written()
    {
        var before = await CountKeysAsync();

        var error = await Assert.ThrowsAsync<InvalidKeyException>(() => Data.CreateGameSessionAsync(new string('A', 1024), "doc"));

        Assert.Equal("invalid_key", error.Code);
        Assert.Contains("1024", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountKeysAsync());
    }

    [Fact]
    public async Task An_oversized_state_or_event_is_rejected_and_the_room_is_unchanged()
    {
        await Data.CreateGameSessionAsync("LARGE1", "small");

        await Assert.ThrowsAsync<PayloadTooLargeException>(() => Data.ExecutePlayerMoveAsync("LARGE1", 1, new string('x', 64 * 1024 + 1), []));
        await Assert.ThrowsAsync<PayloadTooLargeException>(() => Data.ExecutePlayerMoveAsync("LARGE1", 1, "ok", [new OutboxEvent("e", new string('y', 16 * 1024 + 1))]));
        await Assert.ThrowsAsync<PayloadTooLargeException>(() => Data.ExecutePlayerMoveAsync("LARGE1", 1, "ok", Enumerable.Repeat(new OutboxEvent("e", "p"), 257).ToArray()));
        await Assert.ThrowsAsync<ArgumentException>(() => Data.ExecutePlayerMoveAsync("LARGE1", 1, "ok", [new OutboxEvent("Bad|Type", "p")]));

        var state = await Data.GetGameSessionAsync("LARGE1");
        Assert.Equal(1, state!.Version);
        Assert.Equal("small", state.Document);
        Assert.Equal(0, await Data.Outbox.GetDepthAsync("LARGE1"));
    }

    [Fact]
    public async Task A_room_key_of_the_wrong_type_is_reported_as_corrupted_and_left_alone()
    {
        await Db.StringSetAsync($"{Prefix}{{BROKE1}}:room", "not a hash");

        var error = await Assert.ThrowsAsync<CorruptedDataException>(() => Data.ExecutePlayerMoveAsync("BROKE1", 1, "doc", [new OutboxEvent("e", "p")]));

        Assert.Equal("corrupted", error.Code);
        Assert.Equal("not a hash", (string?)await Db.StringGetAsync($"{Prefix}{{BROKE1}}:room"));
        Assert.Equal(0, await Db.KeyExistsAsync($"{Prefix}{{BROKE1}}:outbox") ? 1 : 0);
        await Assert.ThrowsAsync<CorruptedDataException>(() => Data.GetGameSessionAsync("BROKE1"));
    }

    [Fact]
    public async Task A_non_numeric_version_is_reported_as_corrupted_and_nothing_is_written()
    {
        await Db.HashSetAsync($"{Prefix}{{BROKE2}}:room", [new HashEntry("v", "seven"), new HashEntry("doc", "d")]);

        await Assert.ThrowsAsync<CorruptedDataException>(() => Data.ExecutePlayerMoveAsync("BROKE2", 7, "doc", [new OutboxEvent("e", "p")]));
        await Assert.ThrowsAsync<CorruptedDataException>(() => Data.GetGameSessionAsync("BROKE2"));

        Assert.Equal("d", (string?)await Db.HashGetAsync($"{Prefix}{{BROKE2}}:room", "doc"));
        Assert.False(await Db.KeyExistsAsync($"{Prefix}{{BROKE2}}:outbox"));
    }

    [Fact]
    public async Task An_outbox_key_of_the_wrong_type_stops_the_commit_before_the_state_is_written()
    {
        await Data.CreateGameSessionAsync("BROKE3", "v1");
        await Db.StringSetAsync($"{Prefix}{{BROKE3}}:outbox", "not a list");

        await Assert.ThrowsAsync<CorruptedDataException>(() => Data.ExecutePlayerMoveAsync("BROKE3", 1, "v2", [new OutboxEvent("e", "p")]));

        var state = await Data.GetGameSessionAsync("BROKE3");
        Assert.Equal(1, state!.Version);
        Assert.Equal("v1", state.Document);
    }

    [Fact]
    public async Task An_unreadable_outbox_entry_comes_back_flagged_and_can_be_acknowledged_past()
    {
        await Data.CreateGameSessionAsync("BROKE4", "v1", [new OutboxEvent("created", "c")]);
        await Db.ListRightPushAsync($"{Prefix}{{BROKE4}}:outbox", "garbage without a sequence");
        await Data.ExecutePlayerMoveAsync("BROKE4", 1, "v2", [new OutboxEvent("e", "p")]);

        var batch = await Data.Outbox.LeaseAsync("BROKE4", "w1", 10, TimeSpan.FromSeconds(30));

        Assert.Equal([false, true, false], batch.Entries.Select(e => e.IsCorrupted));
        Assert.Equal("garbage without a sequence", batch.Entries[1].Payload);
        Assert.Equal(new OutboxAck(true, 3, 0), await Data.Outbox.AcknowledgeAsync("BROKE4", "w1", batch.LastSequence, release: true));
    }

    [Fact]
    public async Task A_leased_outbox_is_not_handed_to_a_second_consumer_until_the_lease_expires()
    {
        await Data.CreateGameSessionAsync("LEASE1", "v1", [new OutboxEvent("a", "1"), new OutboxEvent("b", "2")]);

        var first = await Data.Outbox.LeaseAsync("LEASE1", "w1", 10, TimeSpan.FromMilliseconds(300));
        var second = await Data.Outbox.LeaseAsync("LEASE1", "w2", 10, TimeSpan.FromSeconds(30));
        Assert.True(first.Leased);
        Assert.False(second.Leased);
        Assert.Empty(second.Entries);

        // The first consumer "dies" holding the lease: once it expires, its entries are handed over.
        var redelivered = await WaitForLeaseAsync("LEASE1", "w2");
        Assert.Equal(first.Entries, redelivered.Entries);
        Assert.Equal(new OutboxAck(false, 0, 2), await Data.Outbox.AcknowledgeAsync("LEASE1", "w1", 2, release: false));
        Assert.Equal(new OutboxAck(true, 2, 0), await Data.Outbox.AcknowledgeAsync("LEASE1", "w2", redelivered.LastSequence, release: true));
    }

    [Fact]
    public async Task Acknowledging_removes_only_entries_up_to_the_sequence()
    {
        await Data.CreateGameSessionAsync("ACK001", "v1", [new OutboxEvent("a", "1"), new OutboxEvent("b", "2"), new OutboxEvent("c", "3")]);
        await Data.Outbox.LeaseAsync("ACK001", "w1", 2, TimeSpan.FromSeconds(30));

        var ack = await Data.Outbox.AcknowledgeAsync("ACK001", "w1", 2, release: true);

        Assert.Equal(new OutboxAck(true, 2, 1), ack);
        var rest = await Data.Outbox.LeaseAsync("ACK001", "w2", 10, TimeSpan.FromSeconds(30));
        Assert.Equal([3L], rest.Entries.Select(e => e.Sequence));
        Assert.Contains("ACK001", await Data.Outbox.GetPendingRoomsAsync(100));
    }

    [Fact]
    public async Task The_keyspace_sweep_finds_an_outbox_whose_index_hint_was_lost()
    {
        await Data.CreateGameSessionAsync("LOST01", "v1", [new OutboxEvent("a", "1")]);
        await Db.KeyDeleteAsync($"{Prefix}outbox:pending");
        Assert.Empty(await Data.Outbox.GetPendingRoomsAsync(100));

        var found = await Data.Outbox.ReindexPendingRoomsAsync();

        Assert.Equal(1, found);
        Assert.Equal(["LOST01"], await Data.Outbox.GetPendingRoomsAsync(100));
    }

    [Fact]
    public async Task Players_are_seated_and_a_reconnecting_player_gets_seat_version_and_redacted_view()
    {
        await Data.CreateGameSessionAsync("SEAT01", "hands:0=AS,1=KH");
        await Data.AddPlayerToGameAsync("SEAT01", new RoomPlayer("alice", 0, "Alice", false));
        await Data.AddPlayerToGameAsync("SEAT01", new RoomPlayer("bot-1", 1, "Bot", true));

        var players = await Data.Rooms.GetPlayersAsync("SEAT01");
        var reconnect = await Data.GetPlayerReconnectionDataAsync("alice");

        Assert.Equal(["alice", "bot-1"], players.Select(p => p.PlayerId));
        Assert.NotNull(reconnect);
        Assert.Equal(("SEAT01", 0, 1L), (reconnect.Room, reconnect.Seat, reconnect.Version));
        Assert.Equal("seat 0 of hands:0=AS,1=KH", reconnect.View);
        Assert.Null(await Data.GetPlayerReconnectionDataAsync("bot-1"));
        Assert.Null(await Data.GetPlayerReconnectionDataAsync("nobody"));
    }

    [Fact]
    public async Task Sessions_slide_their_expiry_and_store_no_token()
    {
        const string token = "header.payload.signature";
        await Data.Sessions.CreateSessionAsync(token, "alice");
        var key = (await RedisTestServer.KeysOnEveryMasterAsync(Db.Multiplexer, Prefix + "session:*")).Single();
        await Db.KeyExpireAsync(key, TimeSpan.FromMinutes(1));

        var player = await Data.Sessions.GetSessionAsync(token);

        Assert.Equal("alice", player);
        Assert.DoesNotContain(token, key.ToString(), StringComparison.Ordinal);
        Assert.InRange((await Db.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        await Data.Sessions.RemoveSessionAsync(token);
        Assert.Null(await Data.Sessions.GetSessionAsync(token));
    }

    [Fact]
    public async Task Presence_counts_connected_players_and_reports_their_node()
    {
        await Data.Sessions.MarkConnectedAsync("p1");
        await Data.Sessions.MarkConnectedAsync("p2");
        await Data.Sessions.MarkConnectedAsync("p3");
        await Data.Sessions.MarkDisconnectedAsync("p2");
        await Data.AddPlayerToGameAsync("PRES01", new RoomPlayer("p1", 2, "P1", false));

        var count = await Data.GetConcurrentPlayerCountAsync();
        var session = await Data.GetPlayerSessionAsync("p1");

        Assert.Equal(2, count);
        Assert.Equal("test-node", session.Presence!.Node);
        Assert.Equal(new PlayerSeat("PRES01", 2), session.Seat);
        Assert.Null((await Data.GetPlayerSessionAsync("p2")).Presence);
    }

    [Fact]
    public async Task Active_games_stats_count_recent_rooms_and_pending_outboxes()
    {
        await Data.CreateGameSessionAsync("STAT01", "v1", [new OutboxEvent("a", "1")]);
        await Data.CreateGameSessionAsync("STAT02", "v1");

        var stats = await Data.GetActiveGamesStatsAsync();

        Assert.Equal(2, stats.ActiveRooms);
        Assert.Equal(1, stats.RoomsWithPendingSync);
    }

    private async Task<List<OutboxEntry>> DrainAsync(string room)
    {
        var all = new List<OutboxEntry>();
        for (var i = 0; i < 10_000; i++)
        {
            var batch = await Data.Outbox.LeaseAsync(room, "drainer", 100, TimeSpan.FromSeconds(30));
            if (batch.Entries.Count == 0)
            {
                return all;
            }

            all.AddRange(batch.Entries);
            await Data.Outbox.AcknowledgeAsync(room, "drainer", batch.LastSequence, release: true);
        }

        throw new InvalidOperationException("The outbox did not drain.");
    }

    private async Task<OutboxBatch> WaitForLeaseAsync(string room, string consumer)
    {
        for (var i = 0; i < 100; i++)
        {
            var batch = await Data.Outbox.LeaseAsync(room, consumer, 10, TimeSpan.FromSeconds(30));
            if (batch.Leased)
            {
                return batch;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The lease never expired.");
    }

    private async Task<int> CountKeysAsync() => (await RedisTestServer.KeysOnEveryMasterAsync(Db.Multiplexer, Prefix + "*")).Count;
}
