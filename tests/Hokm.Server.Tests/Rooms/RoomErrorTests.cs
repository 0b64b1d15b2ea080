using Hokm.Game.Shuffling;
using Hokm.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Server.Tests.Rooms;

/// <summary>
/// Every room and game error code is produced by the action that should produce it, and changes
/// nothing: the <c>state</c> each seat sees is the same before and after.
/// </summary>
public sealed class RoomErrorTests
{
    [Fact]
    public async Task Seating_errors_are_produced_by_the_right_actions_and_change_nothing()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync();
        var clients = new List<GameClient>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                clients.Add((await TestSetup.ConnectGuestAsync(host, $"p{i}")).Client);
            }

            var (owner, outsider) = (clients[0], clients[4]);
            var unseated = States.Comparable(await outsider.SyncAsync());

            // not_seated: moves and seat actions need a seat.
            foreach (var (type, fields) in new (string, Dictionary<string, object?>?)[]
            {
                ("play_card", new() { ["card"] = "AS" }),
                ("choose_trump", new() { ["suit"] = "S" }),
                ("add_bot", null),
                ("leave_room", null),
            })
            {
                var error = await outsider.RequestAsync(type, fields);
                Assert.Equal(("error", "not_seated"), (error.Type, error.Code));
            }

            // room_not_found: a well-formed code nobody uses.
            Assert.Equal("room_not_found", (await outsider.RequestAsync("join_room", new() { ["room"] = "ZZ99ZZ" })).Code);
            Assert.Equal(unseated, States.Comparable(await outsider.SyncAsync()));

            var room = (await owner.RequestAsync("create_room", new() { ["targetScore"] = 1 })).Str("room")!;
            var waiting = States.Comparable(await owner.SyncAsync());

            // wrong_phase: no game yet.
            Assert.Equal("wrong_phase", (await owner.RequestAsync("play_card", new() { ["card"] = "AS" })).Code);
            Assert.Equal("wrong_phase", (await owner.RequestAsync("choose_trump", new() { ["suit"] = "H" })).Code);

            // already_seated: one seat per player.
            Assert.Equal("already_seated", (await owner.RequestAsync("create_room")).Code);
            Assert.Equal("already_seated", (await owner.RequestAsync("join_room", new() { ["room"] = room })).Code);
            Assert.Equal("already_seated", (await owner.RequestAsync("quick_match")).Code);
            Assert.Equal(waiting, States.Comparable(await owner.SyncAsync()));

            for (var i = 1; i < 4; i++)
            {
                Assert.Equal("room_joined", (await clients[i].RequestAsync("join_room", new() { ["room"] = room })).Type);
            }

            // room_full: the fifth player.
            var outsiderBefore = States.Comparable(await outsider.SyncAsync());
            Assert.Equal("room_full", (await outsider.RequestAsync("join_room", new() { ["room"] = room })).Code);
            Assert.Equal(outsiderBefore, States.Comparable(await outsider.SyncAsync()));

            // wrong_phase: no bots once the game runs.
            var table = await SnapshotAsync(clients.Take(4));
            Assert.Equal("wrong_phase", (await owner.RequestAsync("add_bot")).Code);
            Assert.Equal(table, await SnapshotAsync(clients.Take(4)));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Move_errors_are_produced_by_the_right_moves_and_change_nothing()
    {
        var setup = await TestSetup.CreateAsync();
        await using var host = await setup.StartServerAsync(static s => s.AddSingleton<IGameSeedSource>(new FixedGameSeedSource("room-errors")));
        var clients = new List<GameClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                clients.Add((await TestSetup.ConnectGuestAsync(host, $"s{i}")).Client);
            }

            var room = (await clients[0].RequestAsync("create_room", new() { ["targetScore"] = 1 })).Str("room")!;
            for (var i = 1; i < 4; i++)
            {
                await clients[i].RequestAsync("join_room", new() { ["room"] = room });
            }

            // Choosing trump.
            var states = await SyncAllAsync(clients);
            Assert.Equal("choosing_trump", states[0].Str("phase"));
            var hakem = states[0].Int("hakem");
            var other = (hakem + 1) % 4;
            var before = await SnapshotAsync(clients);
            await ExpectErrorAsync(clients[other], "not_hakem", "choose_trump", new() { ["suit"] = "S" });
            await ExpectErrorAsync(clients[other], "wrong_phase", "play_card", new() { ["card"] = states[other].Cards("hand")[0] });
            await ExpectErrorAsync(clients[hakem], "wrong_phase", "play_card", new() { ["card"] = states[hakem].Cards("hand")[0] });
            Assert.Equal(before, await SnapshotAsync(clients));
            var chosen = await clients[hakem].RequestAsync("choose_trump", new() { ["suit"] = states[hakem].Cards("hand")[0][^1..] });
            Assert.Equal("trump_chosen", chosen.Type);

            // Playing: not your turn, not your card; then play on until a seat must follow suit.
            states = await SyncAllAsync(clients);
            var turn = states[0].Int("turn");
            before = await SnapshotAsync(clients);
            var idle = (turn + 1) % 4;
            await ExpectErrorAsync(clients[idle], "not_your_turn", "play_card", new() { ["card"] = states[idle].Cards("hand")[0] });
            await ExpectErrorAsync(clients[turn], "card_not_in_hand", "play_card", new() { ["card"] = states[idle].Cards("hand")[0] });
            Assert.Equal(before, await SnapshotAsync(clients));

            var followed = false;
            for (var move = 0; move < 52 && !followed; move++)
            {
                states = await SyncAllAsync(clients);
                Assert.Equal("playing", states[0].Str("phase"));
                turn = states[0].Int("turn");
                var hand = states[turn].Cards("hand");
                var legal = states[turn].Cards("legal");
                if (legal.Count < hand.Count)
                {
                    before = await SnapshotAsync(clients);
                    await ExpectErrorAsync(clients[turn], "must_follow_suit", "play_card", new() { ["card"] = hand.First(c => !legal.Contains(c)) });
                    Assert.Equal(before, await SnapshotAsync(clients));
                    followed = true;
                }

                var played = await clients[turn].RequestAsync("play_card", new() { ["card"] = legal[0] });
                Assert.Equal("card_played", played.Type);
            }

            Assert.True(followed, "with this seed some seat must follow suit within the first hand");

            // The game is unharmed by all this: it plays on to the end.
            foreach (var client in clients)
            {
                client.Drain();
                await client.SendAsync("sync");
            }

            var endings = await Tables.PlayAllAsync(clients.Select(static c => new TablePlayer(c)));
            Assert.All(endings, static e => Assert.Equal("game_over", e!.Type));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task ExpectErrorAsync(GameClient client, string code, string type, Dictionary<string, object?> fields)
    {
        var reply = await client.RequestAsync(type, fields);
        Assert.True(reply.Type == "error" && reply.Code == code, $"expected {code}, got {reply.Raw}");
    }

    private static async Task<ServerFrame[]> SyncAllAsync(IReadOnlyList<GameClient> clients)
    {
        var states = new ServerFrame[clients.Count];
        for (var i = 0; i < clients.Count; i++)
        {
            states[i] = await clients[i].SyncAsync();
        }

        return states;
    }

    private static async Task<string> SnapshotAsync(IEnumerable<GameClient> clients)
    {
        var parts = new List<string>();
        foreach (var client in clients)
        {
            parts.Add(States.Comparable(await client.SyncAsync()));
        }

        return string.Join('\n', parts);
    }
}
