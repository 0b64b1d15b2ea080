using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Auth;

/// <summary>Per-client-IP fixed-window limits of the auth endpoints; a refusal is a 429 problem with <c>Retry-After</c>.</summary>
internal static class AuthRateLimiting
{
    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(AuthApi.CredentialPolicy, context => Partition(context, AuthApi.CredentialPolicy, static o => o.CredentialPermitLimit));
        limiter.AddPolicy(AuthApi.GuestPolicy, context => Partition(context, AuthApi.GuestPolicy, static o => o.GuestPermitLimit));
        limiter.OnRejected = static async (context, cancellationToken) =>
        {
            var response = context.HttpContext.Response;
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = "Too many sign-in requests from this address; try again later.",
                    Type = "https://tools.ietf.org/html/rfc6585#section-4",
                },
            });
        };
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<AuthRateLimitOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<AuthRateLimitOptions>>().CurrentValue;
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(policy);
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}|{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = options.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
