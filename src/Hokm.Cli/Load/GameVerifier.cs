using System.Net;
using Hokm.Audit;

namespace Hokm.Cli.Load;

/// <summary>
/// After the run: fetches each finished game's record over HTTP, audits it with the independent
/// auditor and checks it holds exactly the card plays the clients saw.
/// </summary>
internal sealed class GameVerifier(LoadContext context)
{
    private const int Parallelism = 4;

    /// <returns>How many games verified, and one line per failure.</returns>
    public async Task<(int Verified, IReadOnlyList<string> Failures)> VerifyAsync(IReadOnlyList<FinishedGame> games, TimeSpan budget, Action<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(games);
        var failures = new List<string>();
        var verified = 0;
        var done = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        await Parallel.ForEachAsync(games, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = CancellationToken.None }, async (game, _) =>
        {
            var problems = await VerifyOneAsync(game, deadline.Token);
            lock (failures)
            {
                if (problems.Count == 0)
                {
                    verified++;
                }

                failures.AddRange(problems.Select(p => $"game {game.GameId}: {p}"));
                progress?.Invoke(++done);
            }
        });
        return (verified, failures);
    }

    internal async Task<IReadOnlyList<string>> VerifyOneAsync(FinishedGame game, CancellationToken cancellationToken)
    {
        var problems = new List<string>(game.Conflicts);
        string? record = null;
        var lastStatus = "no response";

        // The record is published once the game reached the persistent store (409/503 until then, as long as
        // the sync lag): wait for it, within the verification budget and at most 600 attempts.
        for (var attempt = 0; attempt < 600 && record is null; attempt++)
        {
            try
            {
                using var response = await context.Http.GetAsync(new Uri($"api/games/{Uri.EscapeDataString(game.GameId)}/record", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    record = await response.Content.ReadAsStringAsync(cancellationToken);
                    break;
                }

                lastStatus = $"HTTP {(int)response.StatusCode}";
                if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests))
                {
                    break;
                }
            }
            catch (HttpRequestException ex)
            {
                lastStatus = ex.Message;
            }
            catch (OperationCanceledException)
            {
                lastStatus = "verification time budget spent";
                break;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), context.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                lastStatus = "verification time budget spent";
                break;
            }
        }

        if (record is null)
        {
            problems.Add($"record not available ({lastStatus})");
            return problems;
        }

        problems.AddRange(RecordAuditor.AuditRecord(record).Select(static v => $"audit {v.Rule}: {v.Message}"));
        problems.AddRange(RecordComparer.Compare(record, game.Plays));
        return problems;
    }
}
