using System.Net.WebSockets;
using Hokm.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Hokm.Server.Connections;

/// <summary>
/// <c>GET /ws</c>: the game's WebSocket (docs/protocol.md). The bearer token comes as
/// <c>Authorization: Bearer …</c> or <c>?access_token=…</c>; without a valid one the upgrade is
/// refused with 401. A browser origin outside <c>Hokm:AllowedOrigins</c> (when set) gets 403.
/// </summary>
internal static class WebSocketApi
{
    public static IEndpointRouteBuilder MapWebSocketApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ws", ConnectAsync)
            .WithTags("Play")
            .WithSummary("The game's WebSocket (protocol v1).")
            .AllowAnonymous();
        return endpoints;
    }

    public static async Task<Results<EmptyHttpResult, UnauthorizedHttpResult, ProblemHttpResult>> ConnectAsync(
        HttpContext http, ConnectionContext context)
    {
        if (!IsOriginAllowed(http.Request.Headers.Origin, context.AllowedOrigins))
        {
            ConnectionLog.Refused(context.Logger, "origin not allowed");
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed", detail: "This origin may not open the game's WebSocket.");
        }

        var tokens = http.RequestServices.GetService<ITokenService>();
        var token = ReadToken(http.Request);
        if (tokens is null || token is null || tokens.Validate(token) is not { } identity)
        {
            ConnectionLog.Refused(context.Logger, token is null ? "no token" : "invalid token");
            return TypedResults.Unauthorized();
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket required", detail: "GET /ws is a WebSocket endpoint: send an upgrade request.");
        }

        if (context.Rooms.Stopping)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shutting down", detail: "The server is shutting down; connect again in a moment.");
        }

        var options = context.Options;
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.KeepAliveInterval,
            KeepAliveTimeout = options.KeepAliveTimeout == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : options.KeepAliveTimeout,
        });
        await new ConnectionSession(socket, identity, context).RunAsync(http.RequestAborted);
        return TypedResults.Empty;
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
        {
            return header[7..].Trim();
        }

        return request.Query.TryGetValue("access_token", out var query) && !StringValues.IsNullOrEmpty(query) ? query.ToString() : null;
    }

    private static bool IsOriginAllowed(StringValues origin, IReadOnlyList<string> allowed)
    {
        if (allowed.Count == 0 || StringValues.IsNullOrEmpty(origin))
        {
            return true;
        }

        var value = origin.ToString().TrimEnd('/');
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate.TrimEnd('/'), value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
