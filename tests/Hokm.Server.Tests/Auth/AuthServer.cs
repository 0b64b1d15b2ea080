using System.Net.Http.Json;
using System.Text.Json;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Tests.Hosting;

namespace Hokm.Server.Tests.Auth;

/// <summary>
/// Starts the real server on shared Redis and a fresh PostgreSQL database, with a data folder of
/// its own, and speaks the auth endpoints' JSON.
/// </summary>
internal static class AuthServer
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    /// <summary>Starts a server; <paramref name="overrides"/> win over the defaults here (generous rate limits, a known key).</summary>
    public static async Task<AuthServerHost> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var redis = await TestServers.GetRedisAsync();
        var postgres = await TestServers.GetPostgresAsync();
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["ConnectionStrings:Postgres"] = database,
            ["HokmData:KeyPrefix"] = RedisTestServer.NewKeyPrefix(),
            ["HokmData:Embedded:DataDirectory"] = NewDataDirectory(),
            ["Hokm:Auth:SigningKey"] = SigningKey,
            ["Hokm:Auth:RateLimit:CredentialPermitLimit"] = "1000",
            ["Hokm:Auth:RateLimit:GuestPermitLimit"] = "1000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new AuthServerHost(await ServerHost.StartAsync(settings), database);
    }

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "hokm-server-tests", Guid.NewGuid().ToString("N")[..12]);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsync(path, JsonContent.Create(body));

    public static async Task<AuthResult> ReadAuthAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<AuthResult>();
        Assert.NotNull(body);
        return body;
    }

    /// <summary>A problem+json body: checks the media type and returns the parsed document.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string username, string password, string? displayName = null) =>
        await client.PostJsonAsync("/api/auth/register", new { username, password, displayName });

    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string username, string password) =>
        await client.PostJsonAsync("/api/auth/login", new { username, password });

    public static string NewUsername() => "u_" + Guid.NewGuid().ToString("N")[..12];
}
