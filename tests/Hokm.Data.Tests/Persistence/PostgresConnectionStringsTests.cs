using Hokm.Data.Persistence;
using Npgsql;

namespace Hokm.Data.Tests.Persistence;

public sealed class PostgresConnectionStringsTests
{
    [Theory]
    [InlineData("postgres://hokm:secret@db.example:5433/hokm")]
    [InlineData("postgresql://hokm:secret@db.example:5433/hokm")]
    [InlineData("postgresql+asyncpg://hokm:secret@db.example:5433/hokm")]
    [InlineData("POSTGRESQL+PSYCOPG2://hokm:secret@db.example:5433/hokm")]
    public void Every_url_scheme_of_the_guide_gives_the_same_settings(string url)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse(url));

        Assert.Equal("db.example", builder.Host);
        Assert.Equal(5433, builder.Port);
        Assert.Equal("hokm", builder.Username);
        Assert.Equal("secret", builder.Password);
        Assert.Equal("hokm", builder.Database);
    }

    [Fact]
    public void Port_user_password_and_database_are_optional()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse("postgresql+asyncpg://localhost"));

        Assert.Equal("localhost", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Null(builder.Username);
        Assert.Null(builder.Password);
        Assert.Null(builder.Database);
    }

    [Fact]
    public void A_user_without_a_password_is_kept()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse("postgres://hokm@localhost/games"));

        Assert.Equal("hokm", builder.Username);
        Assert.Null(builder.Password);
        Assert.Equal("games", builder.Database);
    }

    [Fact]
    public void Escaped_characters_in_the_password_and_database_are_decoded()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse("postgresql://hokm:p%40ss%3Aw%2Frd@localhost:5432/hokm%20db"));

        Assert.Equal("p@ss:w/rd", builder.Password);
        Assert.Equal("hokm db", builder.Database);
    }

    [Fact]
    public void Query_options_are_mapped_to_npgsql()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse(
            "postgresql+asyncpg://u:p@h:6000/d?sslmode=require&application_name=hokm-server&connect_timeout=7&command_timeout=12.5&Maximum%20Pool%20Size=40"));

        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("hokm-server", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
        Assert.Equal(13, builder.CommandTimeout);
        Assert.Equal(40, builder.MaxPoolSize);
    }

    [Theory]
    [InlineData("ssl=true", SslMode.Require)]
    [InlineData("ssl=false", SslMode.Disable)]
    [InlineData("sslmode=verify-full", SslMode.VerifyFull)]
    [InlineData("sslmode=disable", SslMode.Disable)]
    public void Ssl_options_of_libpq_and_asyncpg_are_understood(string query, SslMode expected)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse($"postgresql+asyncpg://u:p@h/d?{query}"));

        Assert.Equal(expected, builder.SslMode);
    }

    [Fact]
    public void An_ipv6_host_loses_its_brackets()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse("postgres://u:p@[::1]:5433/d"));

        Assert.Equal("::1", builder.Host);
        Assert.Equal(5433, builder.Port);
    }

    [Fact]
    public void An_npgsql_connection_string_is_accepted_as_it_is()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Parse("Host=db;Port=5433;Username=hokm;Password=x;Database=hokm"));

        Assert.Equal("db", builder.Host);
        Assert.Equal(5433, builder.Port);
        Assert.Equal("hokm", builder.Database);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("mysql://u:p@h/d", "scheme 'mysql' is not supported")]
    [InlineData("redis://h:6379", "scheme 'redis' is not supported")]
    [InlineData("postgresql://u:p@h:notaport/d", "not valid")]
    [InlineData("postgresql:///d", "no host")]
    [InlineData("postgresql://u:p@h/d/extra", "one database name")]
    [InlineData("postgresql://u:p@h/d?sslmode=sometimes", "'sslmode'")]
    [InlineData("postgresql://u:p@h/d?no_such_option=1", "'no_such_option'")]
    [InlineData("Database=hokm;Username=u", "no Host")]
    [InlineData("Hots=db;Database=hokm", "not valid")]
    [InlineData("just some words", "not valid")]
    public void Bad_input_is_a_format_exception_that_says_what_is_wrong(string value, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PostgresConnectionStrings.Parse(value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_never_repeats_the_password()
    {
        var error = Assert.Throws<FormatException>(() => PostgresConnectionStrings.Parse("postgresql://u:TopSecret1@h/d?bogus=1"));

        Assert.DoesNotContain("TopSecret1", error.Message, StringComparison.Ordinal);
    }
}
