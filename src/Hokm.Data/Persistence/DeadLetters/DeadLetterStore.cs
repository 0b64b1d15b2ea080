using Hokm.Data.Live;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Persistence.Sink;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hokm.Data.Persistence.DeadLetters;

/// <summary>The dead-letter table, through EF Core; replays go through <see cref="IOutboxSink"/>.</summary>
internal sealed class DeadLetterStore(
    IDbContextFactory<HokmDbContext> contexts,
    IOutboxSink sink,
    TimeProvider time,
    ILogger<DeadLetterStore> logger) : IDeadLetterStore
{
    private const int MaxErrorLength = 4000;

    public async Task<long> AddAsync(NewDeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var now = time.GetUtcNow();
        var row = new DeadLetterRow
        {
            Source = letter.Source,
            Sequence = letter.Sequence,
            Type = letter.Type,
            Payload = letter.Payload,
            Error = Truncate(letter.Error),
            Attempts = letter.Attempts,
            FirstFailureAt = (letter.FirstFailureAt ?? now).ToUniversalTime(),
            LastFailureAt = now,
        };
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.DeadLetters.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        PersistenceLog.DeadLettered(logger, row.Id, row.Type, row.Source, row.Attempts, row.Error);
        return row.Id;
    }

    public Task<long> AddAsync(OutboxEntry entry, string error, int attempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AddAsync(
            new NewDeadLetter(entry.Room, entry.Type, entry.Payload, error, attempts, entry.IsCorrupted ? null : entry.Sequence, null),
            cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(long afterId = 0, int limit = 50, bool includeReplayed = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var query = context.DeadLetters.AsNoTracking().Where(d => d.Id > afterId);
        if (!includeReplayed)
        {
            query = query.Where(d => d.ReplayedAt == null);
        }

        var rows = await query.OrderBy(d => d.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToDeadLetter);
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.DeadLetters.CountAsync(d => d.ReplayedAt == null, cancellationToken);
    }

    public async Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.DeadLetters.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : ToDeadLetter(row);
    }

    public async Task<bool> MarkReplayedAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await context.DeadLetters
            .Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReplayedAt, now), cancellationToken);
        return updated > 0;
    }

    public async Task<DeadLetterReplayResult> ReplayAsync(long id, string? correctedPayload = null, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.DeadLetters.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return new DeadLetterReplayResult(false, false, "No dead letter has this id.");
        }

        if (correctedPayload is not null)
        {
            row.Payload = correctedPayload;
        }

        // Sequence 0, not the original: a stored entry is never "corrupted" on replay; its payload decides.
        var entry = new OutboxEntry(row.Source, row.Sequence ?? 0, row.Type, row.LastFailureAt, row.Payload);
        var result = await sink.WriteAsync([entry], cancellationToken);
        var now = time.GetUtcNow();
        string? error = null;
        if (result.Succeeded)
        {
            row.ReplayedAt = now;
        }
        else
        {
            error = result.Failures[0].Error;
            row.Error = Truncate(error);
            row.Attempts++;
            row.LastFailureAt = now;
        }

        await context.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            PersistenceLog.DeadLetterReplayed(logger, id);
        }

        return new DeadLetterReplayResult(true, result.Succeeded, error);
    }

    private static DeadLetter ToDeadLetter(DeadLetterRow row) =>
        new(row.Id, row.Source, row.Sequence, row.Type, row.Payload, row.Error, row.Attempts, row.FirstFailureAt, row.LastFailureAt, row.ReplayedAt);

    private static string Truncate(string error) =>
        error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}
