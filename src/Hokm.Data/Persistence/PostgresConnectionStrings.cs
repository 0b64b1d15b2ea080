using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Hokm.Data.Persistence;

/// <summary>
/// Reads a PostgreSQL connection setting in either form operators use: an Npgsql connection string
/// (<c>Host=…;Database=…</c>) or a URL as in the original guide's <c>DATABASE_URL</c>:
/// <c>postgres://</c>, <c>postgresql://</c> or SQLAlchemy's <c>postgresql+asyncpg://</c> (the
/// <c>+driver</c> part is ignored), <c>user:password@host:port/database?options</c>.
/// </summary>
public static partial class PostgresConnectionStrings
{
    private const string Expected = "expected postgresql://[user[:password]@]host[:port][/database][?option=value&…] or an Npgsql connection string (Host=…;Database=…)";

    /// <summary>Converts <paramref name="value"/> into an Npgsql connection string.</summary>
    /// <exception cref="FormatException">
    /// The value is neither a PostgreSQL URL nor an Npgsql connection string. The message never
    /// repeats the value, since it may hold a password.
    /// </exception>
    public static string Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new FormatException($"The PostgreSQL connection setting is empty; {Expected}.");
        }

        value = value.Trim();
        var scheme = SchemePattern().Match(value);
        if (scheme.Success)
        {
            return FromUrl(value[scheme.Length..]);
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            var name = value[..value.IndexOf("://", StringComparison.Ordinal)];
            throw new FormatException($"The PostgreSQL URL scheme '{name}' is not supported; {Expected}.");
        }

        return FromConnectionString(value);
    }

    private static string FromUrl(string rest)
    {
        // Uri does the authority grammar (IPv6 brackets, ports, escapes); give it a scheme it parses generically.
        if (!Uri.TryCreate("postgresql://" + rest, UriKind.Absolute, out var uri))
        {
            throw new FormatException($"The PostgreSQL URL is not valid; {Expected}.");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        if (!string.IsNullOrEmpty(uri.Host))
        {
            builder.Host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : Uri.UnescapeDataString(uri.Host);
        }

        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (user.Length > 0)
            {
                builder.Username = user;
            }

            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException($"The PostgreSQL URL's path must be one database name; {Expected}.");
        }

        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var (key, optionValue) in QueryOptions(uri.Query))
        {
            ApplyOption(builder, key, optionValue);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new FormatException($"The PostgreSQL URL has no host; {Expected}.");
        }

        return builder.ConnectionString;
    }

    private static string FromConnectionString(string value)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad keyword, never a value.
            throw new FormatException($"The PostgreSQL connection string is not valid ({ex.Message}); {Expected}.", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new FormatException($"The PostgreSQL connection string has no Host; {Expected}.");
        }

        return builder.ConnectionString;
    }

    private static IEnumerable<(string Key, string Value)> QueryOptions(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            yield return (key, value);
        }
    }

    /// <summary>
    /// The libpq and asyncpg option names a URL usually carries, mapped to Npgsql; any Npgsql keyword
    /// is accepted as well. Anything else is refused, so a typo fails at start, not in production.
    /// </summary>
    private static void ApplyOption(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        try
        {
            switch (key.ToLowerInvariant())
            {
                case "sslmode":
                    builder.SslMode = ParseSslMode(value);
                    break;
                case "ssl":
                    // asyncpg's ssl=true|false|require|…
                    builder.SslMode = bool.TryParse(value, out var on) ? (on ? SslMode.Require : SslMode.Disable) : ParseSslMode(value);
                    break;
                case "host":
                    builder.Host = value;
                    break;
                case "port":
                    builder.Port = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "user":
                    builder.Username = value;
                    break;
                case "password":
                    builder.Password = value;
                    break;
                case "dbname":
                    builder.Database = value;
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = (int)Math.Ceiling(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
                    break;
                case "command_timeout":
                    builder.CommandTimeout = (int)Math.Ceiling(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
                    break;
                case "sslrootcert":
                    builder.RootCertificate = value;
                    break;
                case "sslcert":
                    builder.SslCertificate = value;
                    break;
                case "sslkey":
                    builder.SslKey = value;
                    break;
                case "target_session_attrs":
                    builder.TargetSessionAttributes = value;
                    break;
                case "options":
                    builder.Options = value;
                    break;
                default:
                    builder[key] = value;
                    break;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            throw new FormatException($"The PostgreSQL URL option '{key}' is unknown or has a bad value; use a libpq option (sslmode, connect_timeout, application_name, …) or an Npgsql keyword.", ex);
        }
    }

    private static SslMode ParseSslMode(string value) => value.ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" or "verify_ca" => SslMode.VerifyCA,
        "verify-full" or "verify_full" => SslMode.VerifyFull,
        _ => throw new FormatException($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full."),
    };

    [GeneratedRegex("^postgres(?:ql)?(?:\\+[a-z0-9_]+)?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
