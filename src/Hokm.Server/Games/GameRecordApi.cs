using Microsoft.AspNetCore.Http.HttpResults;

namespace Hokm.Server.Games;

/// <summary>
/// <c>GET /api/games/{gameId}/record</c>: a finished game as GAME_RECORD.md JSON, rebuilt from the
/// persistent store. 404 (problem+json) for an unknown id, 409 while the game is being played (the
/// seed stays secret), 503 with <c>Retry-After</c> while its last moves are still being synced.
/// </summary>
internal static class GameRecordApi
{
    private const int MaxIdLength = 64;

    public static RouteGroupBuilder MapGameRecordApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/games").WithTags("Games");
        group.MapGet("/{gameId}/record", GetRecordAsync)
            .WithSummary("A finished game's record (hokm-record/1).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return group;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetRecordAsync(
        string gameId, GameRecords records, HttpContext http, CancellationToken cancellationToken)
    {
        if (gameId.Length > MaxIdLength || gameId.AsSpan().ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"))
        {
            return NotFound();
        }

        var lookup = await records.GetAsync(gameId, cancellationToken);
        switch (lookup.Status)
        {
            case GameRecordStatus.Found:
                return TypedResults.Text(lookup.Json!, "application/json");
            case GameRecordStatus.InProgress:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Game in progress", detail: "The record is published when the game is over.");
            case GameRecordStatus.Incomplete:
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Record not complete yet", detail: lookup.Detail);
            case GameRecordStatus.Inconsistent:
                return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Record inconsistent", detail: lookup.Detail);
            default:
                return NotFound();
        }
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Game not found", detail: "No game has this id.");
}
