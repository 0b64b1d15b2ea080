using System.Net;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Auth;
using Hokm.Server.Tests.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hokm.Server.Tests.Auth;

/// <summary>Where the signing key comes from: configuration, or a generated key kept in the data folder.</summary>
public sealed class SigningKeyTests
{
    [Fact]
    public async Task Without_a_configured_key_a_generated_one_is_kept_in_the_data_folder_and_tokens_survive_a_restart()
    {
        var dataDirectory = AuthServer.NewDataDirectory();
        var secondDirectory = AuthServer.NewDataDirectory();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Hokm:Auth:SigningKey"] = null,
                ["HokmData:Embedded:DataDirectory"] = dataDirectory,
            };
            string token;
            var first = await AuthServer.StartAsync(settings);
            var database = first.Postgres;
            await using (first)
            {
                using var client = first.CreateClient();
                using var response = await client.PostJsonAsync("/api/auth/guest", new { name = "Roxana" });
                token = (await response.ReadAuthAsync()).Token;
            }

            var keyFile = Path.Combine(dataDirectory, SigningKeySource.FileName);
            Assert.True(File.Exists(keyFile));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            settings["ConnectionStrings:Postgres"] = database;
            var second = await AuthServer.StartAsync(settings);
            await using (second)
            {
                Assert.Equal("Roxana", second.Services.GetRequiredService<ITokenService>().Validate(token)?.Name);
            }

            // A different data folder means a different key: the old token is then refused.
            settings["HokmData:Embedded:DataDirectory"] = secondDirectory;
            var third = await AuthServer.StartAsync(settings);
            await using (third)
            {
                Assert.Null(third.Services.GetRequiredService<ITokenService>().Validate(token));
            }
        }
        finally
        {
            DeleteDirectory(dataDirectory);
            DeleteDirectory(secondDirectory);
        }
    }

    [Fact]
    public async Task Production_with_configured_servers_refuses_to_start_without_a_key()
    {
        var redis = await TestServers.GetRedisAsync();
        var postgres = await TestServers.GetPostgresAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
            ["HokmData:KeyPrefix"] = RedisTestServer.NewKeyPrefix(),
            ["HokmData:Embedded:DataDirectory"] = AuthServer.NewDataDirectory(),
        };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = HokmServerApp.Build(["--environment=Production"], b => b.Configuration.AddInMemoryCollection(settings));
            await app.StartAsync();
            await app.StopAsync();
        });

        Assert.Contains("Hokm:Auth:SigningKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_shorter_than_32_bytes_is_refused_at_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            var host = await AuthServer.StartAsync(new Dictionary<string, string?> { ["Hokm:Auth:SigningKey"] = "too-short" });
            await host.DisposeAsync();
        });

        Assert.Contains("at least 32 bytes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bearer_scheme_for_http_endpoints_accepts_issued_tokens_only()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();
        var guest = await (await client.PostJsonAsync("/api/auth/guest", new { name = "Mina" })).ReadAuthAsync();

        using var anonymous = await client.GetAsync("/api/auth/me");
        using var garbage = await SendAsync(client, "/api/auth/me", "not-a-token");
        using var valid = await SendAsync(client, "/api/auth/me", guest.Token);
        using var queryOutsideWebSocket = await client.GetAsync($"/api/auth/me?access_token={guest.Token}");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, queryOutsideWebSocket.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var me = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<PlayerIdentity>(valid.Content);
        Assert.Equal(new PlayerIdentity(guest.PlayerId, "Mina", Guest: true), me);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
