using Microsoft.AspNetCore.Diagnostics;

namespace Hokm.Server.Operations;

/// <summary>
/// A store that cannot be reached is the client's "try again shortly", not a server bug: 503
/// problem+json with <c>Retry-After</c> and <c>code: unavailable</c>. Writes are single
/// transactions, so nothing was half-done. Any other exception falls through to the default 500 problem.
/// </summary>
internal sealed class StoreFailureExceptionHandler(IProblemDetailsService problems, ILogger<StoreFailureExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StoreFailures.IsStoreFailure(exception))
        {
            return false;
        }

        OperationsLog.StoreUnavailable(logger, StoreFailures.StoreOf(exception), httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "A data store cannot be reached right now; nothing was changed. Try again shortly.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                Extensions = { ["code"] = "unavailable" },
            },
        });
    }
}
