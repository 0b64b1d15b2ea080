using Hokm.Data.Logging;
using Hokm.Data.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hokm.Data.Persistence;

/// <summary>
/// Applies migrations at start when <see cref="PersistenceOptions.ApplyMigrationsOnStart"/> is on.
/// A database that is down at start does not stop the host — play goes on through Redis and the
/// outboxes wait — so the migration is retried in the background until it succeeds.
/// </summary>
internal sealed class PersistenceStartup(PersistenceMigrator migrator, StoreResilienceRegistry resilience, TimeProvider time, ILogger<PersistenceStartup> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retry;

    /// <summary>Completes when the schema is up to date (or immediately when migrations are off).</summary>
    public Task Ready => _ready.Task;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!migrator.ApplyOnStart)
        {
            _ready.TrySetResult();
            return;
        }

        if (await TryMigrateAsync(cancellationToken))
        {
            return;
        }

        _retry = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_retry is not null)
        {
            await _retry.WaitAsync(cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= 100_000 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryMigrateAsync(stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> TryMigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var applied = await resilience.Postgres.Pipeline.ExecuteAsync(async ct => await migrator.MigrateAsync(ct), cancellationToken);
            DataLog.MigrationsApplied(logger, migrator.Provider.ToString(), applied.Count);
            _ready.TrySetResult();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DataLog.MigrationsDeferred(logger, migrator.Provider.ToString(), ex.Message);
            return false;
        }
    }
}
