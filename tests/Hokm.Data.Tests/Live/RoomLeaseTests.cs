using Hokm.Data.Live;
using Hokm.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Data.Tests.Live;

/// <summary>
/// Room leases and fenced commits (docs/scaling.md). Runs against a real redis-server and embedded
/// Garnet (see <see cref="RoomLeaseOnRedisTests"/> and <see cref="RoomLeaseOnGarnetTests"/>).
/// </summary>
public abstract class RoomLeaseTests(ServerKind kind) : IAsyncLifetime
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);
    private LiveTierHarness _harness = null!;

    private IRoomLeaseStore Leases => _harness.Services.GetRequiredService<IRoomLeaseStore>();

    public async Task InitializeAsync()
    {
        var server = await TestServers.GetRedisTierAsync(kind);
        _harness = await LiveTierHarness.CreateAsync(server.ConnectionString);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_first_node_takes_the_lease_and_another_node_is_refused()
    {
        var first = await Leases.AcquireAsync("LEASE1", "node-a", LeaseTime);
        var second = await Leases.AcquireAsync("lease1", "node-b", LeaseTime);

        Assert.True(first.Acquired);
        Assert.Equal(new RoomLease("LEASE1", "node-a", 1), first.Lease);
        Assert.Equal("node-a/1", first.Holder);
        Assert.False(second.Acquired);
        Assert.Equal("node-a", second.HolderNode);
        Assert.Equal("node-a/1", await Leases.GetHolderAsync("LEASE1"));
    }

    [Fact]
    public async Task Renewal_keeps_the_lease_and_a_released_lease_is_taken_with_a_higher_token()
    {
        var first = (await Leases.AcquireAsync("LEASE2", "node-a", LeaseTime)).Lease!;

        Assert.True(await Leases.RenewAsync(first, LeaseTime));
        Assert.True(await Leases.ReleaseAsync(first));
        Assert.Null(await Leases.GetHolderAsync("LEASE2"));
        Assert.False(await Leases.RenewAsync(first, LeaseTime));
        Assert.False(await Leases.ReleaseAsync(first));

        var second = (await Leases.AcquireAsync("LEASE2", "node-b", LeaseTime)).Lease!;
        Assert.Equal(2, second.Token);
        Assert.False(await Leases.ReleaseAsync(first));
        Assert.Equal("node-b/2", await Leases.GetHolderAsync("LEASE2"));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_old_owner_cannot_renew_it()
    {
        var old = (await Leases.AcquireAsync("LEASE3", "node-a", TimeSpan.FromMilliseconds(150))).Lease!;
        var takeover = await AcquireWhenFreeAsync("LEASE3", "node-b");

        Assert.Equal(old.Token + 1, takeover.Token);
        Assert.False(await Leases.RenewAsync(old, LeaseTime));
        Assert.Equal(takeover.Value, await Leases.GetHolderAsync("LEASE3"));
    }

    [Fact]
    public async Task A_node_that_takes_its_own_lease_again_gets_a_new_token_and_the_old_one_is_fenced()
    {
        var first = (await Leases.AcquireAsync("LEASE4", "node-a", LeaseTime)).Lease!;
        var again = (await Leases.AcquireAsync("LEASE4", "node-a", LeaseTime)).Lease!;

        Assert.Equal(first.Token + 1, again.Token);
        Assert.Equal(CommitStatus.Committed, (await Leases.CommitAsync("LEASE4", 0, "v1", [], again)).Status);
        Assert.Equal(CommitStatus.Fenced, (await Leases.CommitAsync("LEASE4", 1, "stale", [], first)).Status);
    }

    [Fact]
    public async Task A_commit_with_a_lost_lease_is_fenced_and_writes_nothing()
    {
        var old = (await Leases.AcquireAsync("LEASE5", "node-a", TimeSpan.FromMilliseconds(150))).Lease!;
        Assert.Equal(CommitStatus.Committed, (await Leases.CommitAsync("LEASE5", 0, "v1", [new OutboxEvent("created", "x")], old)).Status);
        var owner = await AcquireWhenFreeAsync("LEASE5", "node-b");

        var fenced = await Leases.CommitAsync("LEASE5", 1, "stale", [new OutboxEvent("moved", "y")], old);
        var committed = await Leases.CommitAsync("LEASE5", 1, "v2", [new OutboxEvent("moved", "z")], owner);

        Assert.Equal(CommitStatus.Fenced, fenced.Status);
        Assert.Equal(new CommitResult(CommitStatus.Committed, 2, 2), committed);
        var state = await _harness.Data.GetGameSessionAsync("LEASE5");
        Assert.Equal("v2", state!.Document);
        Assert.Equal(2, await _harness.Data.Outbox.GetDepthAsync("LEASE5"));
    }

    [Fact]
    public async Task A_commit_without_a_lease_is_not_checked_and_a_fenced_check_comes_before_the_version_check()
    {
        var owner = (await Leases.AcquireAsync("LEASE6", "node-a", LeaseTime)).Lease!;
        Assert.Equal(CommitStatus.Committed, (await _harness.Data.ExecutePlayerMoveAsync("LEASE6", 0, "v1", [])).Status);

        var stale = owner with { Token = owner.Token + 5 };
        Assert.Equal(CommitStatus.Fenced, (await Leases.CommitAsync("LEASE6", 0, "x", [], stale)).Status);
        Assert.Equal(CommitStatus.VersionConflict, (await Leases.CommitAsync("LEASE6", 0, "x", [], owner)).Status);
        Assert.Equal(CommitStatus.Committed, (await Leases.CommitAsync("LEASE6", 1, "v2", [], owner)).Status);
    }

    [Fact]
    public async Task Bad_node_ids_and_room_codes_are_refused_with_a_clear_error()
    {
        await Assert.ThrowsAsync<Errors.InvalidKeyException>(() => Leases.AcquireAsync("LEASE7", "node/a", LeaseTime));
        await Assert.ThrowsAsync<Errors.InvalidKeyException>(() => Leases.AcquireAsync("bad room", "node-a", LeaseTime));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Leases.AcquireAsync("LEASE7", "node-a", TimeSpan.FromMilliseconds(5)));
    }

    /// <summary>Waits (bounded) until the old lease has expired and takes it.</summary>
    private async Task<RoomLease> AcquireWhenFreeAsync(string room, string node)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var acquisition = await Leases.AcquireAsync(room, node, LeaseTime);
            if (acquisition.Lease is { } lease)
            {
                return lease;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The lease of {room} did not expire within 5 s.");
    }
}
