using System.Net;
using Hokm.Data.Persistence.Accounts;
using Hokm.Server.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Server.Tests.Auth;

/// <summary>POST /api/auth/guest, as docs/protocol.md specifies.</summary>
public sealed class GuestSignInTests
{
    [Fact]
    public async Task A_guest_gets_an_id_the_trimmed_name_and_a_token_and_its_row_is_written_through()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostJsonAsync("/api/auth/guest", new { name = "  Dariush  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadAuthAsync();
        Assert.StartsWith("guest-", body.PlayerId, StringComparison.Ordinal);
        Assert.Equal("Dariush", body.Name);
        var identity = host.Services.GetRequiredService<ITokenService>().Validate(body.Token);
        Assert.Equal(new PlayerIdentity(body.PlayerId, "Dariush", Guest: true), identity);

        var row = await host.Services.GetRequiredService<IPlayerAccountStore>().FindByIdAsync(body.PlayerId);
        Assert.NotNull(row);
        Assert.True(row.IsGuest);
        Assert.Equal("Dariush", row.DisplayName);
        Assert.Null(row.Username);
        Assert.Null(row.PasswordHash);
    }

    [Fact]
    public async Task A_persian_name_with_a_zero_width_non_joiner_is_accepted()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostJsonAsync("/api/auth/guest", new { name = "می\u200Cخواهم" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("می\u200Cخواهم", (await response.ReadAuthAsync()).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abcdefghijklmnopqrstuvwxy")]
    [InlineData("bad\nname")]
    [InlineData("bell\u0007")]
    [InlineData("evil\u202Eeman")]
    public async Task An_invalid_name_is_a_400_problem_naming_the_field(string name)
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostJsonAsync("/api/auth/guest", new { name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_missing_name_malformed_json_and_a_wrong_content_type_are_4xx_problems()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();

        using (var missing = await client.PostJsonAsync("/api/auth/guest", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.True((await missing.ReadProblemAsync()).GetProperty("errors").TryGetProperty("name", out _));
        }

        using (var malformed = await client.PostAsync("/api/auth/guest", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Equal(400, (await malformed.ReadProblemAsync()).GetProperty("status").GetInt32());
        }

        using (var wrongType = await client.PostAsync("/api/auth/guest", new StringContent("{\"name\":\"x\"}", System.Text.Encoding.UTF8, "text/plain")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
            await wrongType.ReadProblemAsync();
        }
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        await using var host = await AuthServer.StartAsync(new Dictionary<string, string?> { ["Hokm:Auth:MaxRequestBodyBytes"] = "1024" });
        using var client = host.CreateClient();

        using var response = await client.PostJsonAsync("/api/auth/guest", new { name = "x", padding = new string('p', 4096) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.ReadProblemAsync();
    }
}
