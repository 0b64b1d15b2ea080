using System.Globalization;
using Hokm.Data;
using Hokm.Data.Diagnostics;
using Hokm.Data.Persistence.Accounts;
using Hokm.Data.Persistence.Games;
using Hokm.Data.Persistence.Model;
using Hokm.Data.Stats;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Stats;

/// <summary>
/// Read-only statistics endpoints. Parameters are parsed here (not by binding) so that every bad
/// value is a problem+json 400 naming the parameter. Times are ISO 8601 (UTC if no offset).
/// </summary>
internal static class StatsApi
{
    private static readonly TimeSpan DefaultRange = TimeSpan.FromDays(365);

    public static void MapStatsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/players").WithTags("Statistics").MapGet("/{id}/stats", GetPlayerStatsAsync)
            .WithSummary("A player's totals, rating and performance report over [from, to) (default: the last 365 days).");
        endpoints.MapGroup("/api/leaderboards").WithTags("Statistics").MapGet("/{type}", GetLeaderboardAsync)
            .WithSummary("global (rating), weekly or monthly (wins in the current period); limit 1–1000 (50); around=playerId adds their rank and neighbours; names=true adds the players' display names.");
        var analytics = endpoints.MapGroup("/api/analytics").WithTags("Analytics");
        analytics.MapGet("/patterns", AnalyzePatternsAsync)
            .WithSummary("Hakem success, Kots, trump suits, hands per game and durations; filters from, to, completedOnly (true), minRating, bots=include|exclude.");
        analytics.MapGet("/live", GetLiveAsync).WithSummary("Active games and concurrent players from the live tier; window in seconds (default 300).");
        endpoints.MapGroup("/api/metrics").WithTags("Analytics").MapGet("/summary", GetMetricsAsync)
            .WithSummary("Redis ops/s, PostgreSQL average query time, sync queue depth and error rate.");
    }

    public static async Task<Results<Ok<PlayerStatsResponse>, ValidationProblem, NotFound>> GetPlayerStatsAsync(
        string id, string? from, string? to, IHokmStats stats, IGameStore games, IPlayerAccountStore accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var end = ParseTime(to, "to", errors) ?? time.GetUtcNow();
        var start = ParseTime(from, "from", errors) ?? end - DefaultRange;
        if (errors.Count == 0 && end <= start)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await accounts.FindByIdAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var totals = await games.GetPlayerStatisticsAsync(id, cancellationToken);
        var report = await stats.GeneratePlayerPerformanceReportAsync(id, start, end, cancellationToken);
        return TypedResults.Ok(new PlayerStatsResponse(id, totals, report));
    }

    public static async Task<Results<Ok<LeaderboardResponse>, ValidationProblem>> GetLeaderboardAsync(
        string type, string? limit, string? around, string? names, IHokmStats stats, IOptions<StatsOptions> options,
        IDbContextFactory<HokmDbContext> contexts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<LeaderboardType>(type, ignoreCase: true, out var board) || !Enum.IsDefined(board) || int.TryParse(type, out _))
        {
            errors["type"] = ["Use global, weekly or monthly."];
        }

        var rows = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows < 1 || rows > options.Value.MaxLimit))
        {
            errors["limit"] = [$"A whole number from 1 to {options.Value.MaxLimit}."];
        }

        if (around is { Length: 0 or > 64 })
        {
            errors["around"] = ["A player id."];
        }

        var withNames = false;
        if (names is not null && !bool.TryParse(names, out withNames))
        {
            errors["names"] = ["true or false."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var top = await stats.GetLeaderboardAsync(board, rows, cancellationToken: cancellationToken);
        var rank = around is null ? null : await stats.GetPlayerRankAsync(board, around, cancellationToken: cancellationToken);
        var displayNames = withNames
            ? await PlayerDisplayNames.LoadAsync(contexts, top.Entries.Concat(rank?.Neighbours ?? []).Select(static e => e.PlayerId).ToHashSet(StringComparer.Ordinal), cancellationToken)
            : null;
        return TypedResults.Ok(new LeaderboardResponse(top, rank, displayNames));
    }

    public static async Task<Results<Ok<GamePatterns>, ValidationProblem>> AnalyzePatternsAsync(
        string? from, string? to, string? completedOnly, string? minRating, string? bots, IHokmStats stats, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseTime(from, "from", errors);
        var end = ParseTime(to, "to", errors);
        if (start is not null && end is not null && end <= start)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }

        var completed = true;
        if (completedOnly is not null && !bool.TryParse(completedOnly, out completed))
        {
            errors["completedOnly"] = ["true or false."];
        }

        double? rating = null;
        if (minRating is not null)
        {
            if (double.TryParse(minRating, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && double.IsFinite(r))
            {
                rating = r;
            }
            else
            {
                errors["minRating"] = ["A number."];
            }
        }

        var includeBots = bots?.ToUpperInvariant() switch
        {
            null or "INCLUDE" => true,
            "EXCLUDE" => false,
            _ => (bool?)null,
        };
        if (includeBots is null)
        {
            errors["bots"] = ["include or exclude."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await stats.AnalyzeGamePatternsAsync(new GamePatternFilters(start, end, completed, rating, includeBots!.Value), cancellationToken));
    }

    public static async Task<Results<Ok<LiveStats>, ValidationProblem>> GetLiveAsync(string? window, IHokmStats stats, CancellationToken cancellationToken)
    {
        TimeSpan? span = null;
        if (window is not null)
        {
            if (!int.TryParse(window, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1 || seconds > 86_400)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["window"] = ["Seconds, from 1 to 86400."] });
            }

            span = TimeSpan.FromSeconds(seconds);
        }

        return TypedResults.Ok(await stats.GetLiveStatsAsync(span, cancellationToken));
    }

    public static async Task<Ok<PerformanceMetrics>> GetMetricsAsync(IHybridDataLayer data, CancellationToken cancellationToken) =>
        TypedResults.Ok(await data.GetPerformanceMetricsAsync(cancellationToken));

    private static DateTimeOffset? ParseTime(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        errors[name] = ["An ISO 8601 time, e.g. 2026-11-01T00:00:00Z."];
        return null;
    }
}
