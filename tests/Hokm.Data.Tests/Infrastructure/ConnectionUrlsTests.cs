using Npgsql;
using StackExchange.Redis;

namespace Hokm.Data.Tests.Infrastructure;

public sealed class ConnectionUrlsTests
{
    [Fact]
    public void Redis_url_with_password_and_database_becomes_a_configuration_string()
    {
        var options = ConfigurationOptions.Parse(ConnectionUrls.ToRedisConfiguration("redis://:s3cret@127.0.0.1:6390/3"));

        Assert.Equal("127.0.0.1:6390", options.EndPoints.Single().ToString());
        Assert.Equal("s3cret", options.Password);
        Assert.Equal(3, options.DefaultDatabase);
        Assert.False(options.Ssl);
    }

    [Fact]
    public void Rediss_url_with_user_turns_on_tls_and_defaults_the_port()
    {
        var options = ConfigurationOptions.Parse(ConnectionUrls.ToRedisConfiguration("rediss://app:p%40ss@cache.example"));

        Assert.True(options.Ssl);
        Assert.Equal("app", options.User);
        Assert.Equal("p@ss", options.Password);
        Assert.Contains(":6379", options.EndPoints.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_configuration_strings_pass_through()
    {
        Assert.Equal("127.0.0.1:6379,password=x", ConnectionUrls.ToRedisConfiguration("127.0.0.1:6379,password=x"));
    }

    [Fact]
    public void Postgres_url_becomes_an_npgsql_connection_string()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            ConnectionUrls.ToNpgsqlConnectionString("postgresql://hokm:pa%3Ass@127.0.0.1:5433/hokm_test?sslmode=disable&application_name=tests"));

        Assert.Equal("127.0.0.1", builder.Host);
        Assert.Equal(5433, builder.Port);
        Assert.Equal("hokm", builder.Username);
        Assert.Equal("pa:ss", builder.Password);
        Assert.Equal("hokm_test", builder.Database);
        Assert.Equal(SslMode.Disable, builder.SslMode);
        Assert.Equal("tests", builder.ApplicationName);
    }

    [Fact]
    public void Postgres_url_without_port_uses_5432_and_npgsql_strings_pass_through()
    {
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(ConnectionUrls.ToNpgsqlConnectionString("postgres://u@db/app")).Port);
        Assert.Equal("Host=h;Username=u", ConnectionUrls.ToNpgsqlConnectionString("Host=h;Username=u"));
    }
}
