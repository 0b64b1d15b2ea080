using Hokm.Data.Persistence.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hokm.Data.Persistence.Accounts;

/// <summary>Player accounts through EF Core; uniqueness is the database's unique index on the normalized username.</summary>
internal sealed class PlayerAccountStore(IDbContextFactory<HokmDbContext> contexts, TimeProvider time) : IPlayerAccountStore
{
    private const string UsernameIndex = "ix_players_username_normalized";

    public async Task<PlayerAccount> CreateAsync(NewPlayerAccount player, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(player);
        ArgumentException.ThrowIfNullOrWhiteSpace(player.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(player.DisplayName);
        if (player.Username is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(player.Username);
        }

        var row = new PlayerRow
        {
            Id = player.Id,
            Username = player.Username?.Trim(),
            UsernameNormalized = player.Username is null ? null : Usernames.Normalize(player.Username),
            DisplayName = player.DisplayName,
            PasswordHash = player.PasswordHash,
            IsGuest = player.IsGuest,
            Rating = PersistenceDefaults.InitialRating,
            CreatedAt = time.GetUtcNow(),
        };
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.Players.Add(row);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (player.Username is not null && IsUsernameConflict(ex))
        {
            // The index, not a look-up first, decides: two sign-ups racing for one name cannot both win.
            throw new UsernameTakenException(player.Username, ex);
        }

        return ToAccount(row);
    }

    public async Task<PlayerAccount?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.Players.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return row is null ? null : ToAccount(row);
    }

    public async Task<PlayerAccount?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        var normalized = Usernames.Normalize(username);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.Players.AsNoTracking().SingleOrDefaultAsync(p => p.UsernameNormalized == normalized, cancellationToken);
        return row is null ? null : ToAccount(row);
    }

    public async Task<PlayerAccount?> RecordFailedLoginAsync(string id, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lockout, TimeSpan.Zero);
        var until = time.GetUtcNow() + lockout;
        var limit = maxFailures - 1;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);

        // One statement, so concurrent failures all count: the increment and the lock are decided by the database.
        var updated = await context.Players
            .Where(p => p.Id == id)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(p => p.LockedUntil, p => p.FailedLogins >= limit ? until : p.LockedUntil)
                    .SetProperty(p => p.FailedLogins, p => p.FailedLogins >= limit ? 0 : p.FailedLogins + 1),
                cancellationToken);
        if (updated == 0)
        {
            return null;
        }

        var row = await context.Players.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        return ToAccount(row);
    }

    public async Task<bool> ResetFailedLoginsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await context.Players
            .Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.FailedLogins, 0).SetProperty(p => p.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        return updated > 0;
    }

    private static bool IsUsernameConflict(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == UsernameIndex,

        // SQLite names the columns, not the index: "UNIQUE constraint failed: players.username_normalized".
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("players.username_normalized", StringComparison.Ordinal),
        _ => false,
    };

    private static PlayerAccount ToAccount(PlayerRow row) =>
        new(row.Id, row.Username, row.DisplayName, row.PasswordHash, row.IsGuest, row.Rating, row.CreatedAt, row.FailedLogins, row.LockedUntil);
}
