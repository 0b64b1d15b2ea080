using System.Net;
using Hokm.Data.Persistence.Accounts;
using Hokm.Server.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hokm.Server.Tests.Auth;

/// <summary>POST /api/auth/register: 201, 409 for a taken username in any case, 400 problem for bad input.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task Registering_answers_201_with_a_token_for_the_new_player()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();
        var username = AuthServer.NewUsername();

        using var response = await client.RegisterAsync(username, "correct horse battery", "Shirin");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadAuthAsync();
        Assert.Equal("Shirin", body.Name);
        Assert.Matches("^[0-9a-f]{32}$", body.PlayerId);
        Assert.Equal(new PlayerIdentity(body.PlayerId, "Shirin", Guest: false), host.Services.GetRequiredService<ITokenService>().Validate(body.Token));
    }

    [Fact]
    public async Task Without_a_display_name_the_username_is_the_name()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();
        var username = AuthServer.NewUsername();

        using var response = await client.RegisterAsync(username, "correct horse battery");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(username, (await response.ReadAuthAsync()).Name);
    }

    [Fact]
    public async Task A_taken_username_in_any_case_is_a_409_problem()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();
        var username = "Sara_" + Guid.NewGuid().ToString("N")[..8];

        using var first = await client.RegisterAsync(username, "correct horse battery");
        using var sameCase = await client.RegisterAsync(username, "another password");
        using var otherCase = await client.RegisterAsync(username.ToUpperInvariant(), "another password");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        foreach (var taken in new[] { sameCase, otherCase })
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
            var problem = await taken.ReadProblemAsync();
            Assert.Equal(409, problem.GetProperty("status").GetInt32());
            Assert.Equal("username_taken", problem.GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData("ab", "long enough password", null, "username")]
    [InlineData("abcdefghijklmnopqrstuvwxy", "long enough password", null, "username")]
    [InlineData("has space", "long enough password", null, "username")]
    [InlineData("émile", "long enough password", null, "username")]
    [InlineData("valid_name", "short", null, "password")]
    [InlineData("valid_name", "long enough password", "   ", "displayName")]
    [InlineData("valid_name", "long enough password", "line\nbreak", "displayName")]
    public async Task Invalid_input_is_a_400_validation_problem_naming_the_field(string username, string password, string? displayName, string field)
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.RegisterAsync(username, password, displayName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task A_password_of_129_characters_is_refused_and_every_bad_field_is_reported_at_once()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.RegisterAsync("x", new string('p', 129));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task The_password_is_stored_only_as_a_pbkdf2_hash_that_verifies()
    {
        await using var host = await AuthServer.StartAsync();
        var database = host.Postgres;
        using var client = host.CreateClient();
        const string Password = "correct horse battery";

        using var response = await client.RegisterAsync(AuthServer.NewUsername(), Password);
        var body = await response.ReadAuthAsync();

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT password_hash, is_guest FROM players WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", body.PlayerId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var stored = reader.GetString(0);
        Assert.False(reader.GetBoolean(1));

        Assert.NotEqual(Password, stored);
        Assert.DoesNotContain(Password, stored, StringComparison.Ordinal);
        var hasher = new PasswordHasher<PlayerAccount>();
        var decoy = new PlayerAccount(body.PlayerId, null, "x", stored, false, 0, default, 0, null);
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(decoy, stored, Password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(decoy, stored, Password + "!"));
    }
}
