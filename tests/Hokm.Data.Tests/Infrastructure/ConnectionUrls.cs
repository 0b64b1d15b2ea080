using System.Globalization;
using Npgsql;
using StackExchange.Redis;

namespace Hokm.Data.Tests.Infrastructure;

/// <summary>Turns the URL forms accepted in HOKM_TEST_REDIS / HOKM_TEST_POSTGRES into client connection strings.</summary>
public static class ConnectionUrls
{
    /// <summary>
    /// <c>redis://[[user]:password@]host[:port][/db]</c> or <c>rediss://…</c> (TLS) to a StackExchange.Redis
    /// configuration string; anything else is taken to be one already and returned unchanged.
    /// </summary>
    public static string ToRedisConfiguration(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = value.Trim();
        if (!value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var uri = new Uri(value);
        var options = new ConfigurationOptions
        {
            Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase),
        };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
        var (user, password) = SplitUserInfo(uri);
        if (!string.IsNullOrEmpty(user))
        {
            options.User = user;
        }

        if (!string.IsNullOrEmpty(password))
        {
            options.Password = password;
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            options.DefaultDatabase = int.Parse(path, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return options.ToString(includePassword: true);
    }

    /// <summary>
    /// <c>postgres://user:password@host[:port]/database?sslmode=…</c> (or <c>postgresql://</c>) to an Npgsql
    /// connection string; anything else is taken to be one already and returned unchanged.
    /// </summary>
    public static string ToNpgsqlConnectionString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = value.Trim();
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var uri = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
        };
        var (user, password) = SplitUserInfo(uri);
        if (!string.IsNullOrEmpty(user))
        {
            builder.Username = user;
        }

        if (!string.IsNullOrEmpty(password))
        {
            builder.Password = password;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var parameter = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            builder[key switch
            {
                "sslmode" => "SSL Mode",
                "connect_timeout" => "Timeout",
                "application_name" => "Application Name",
                _ => key,
            }] = key == "sslmode" ? ToNpgsqlSslMode(parameter) : parameter;
        }

        return builder.ConnectionString;
    }

    private static (string User, string Password) SplitUserInfo(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return ("", "");
        }

        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static string ToNpgsqlSslMode(string libpqMode) => libpqMode switch
    {
        "disable" => "Disable",
        "allow" => "Allow",
        "prefer" => "Prefer",
        "require" => "Require",
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        _ => libpqMode,
    };
}
