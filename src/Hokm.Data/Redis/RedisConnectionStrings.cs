using System.Globalization;
using StackExchange.Redis;

namespace Hokm.Data.Redis;

/// <summary>
/// Reads a Redis connection setting in either form operators use: a StackExchange.Redis
/// configuration string (<c>host:6379,password=…</c>) or a URL (<c>redis://[user:password@]host[:port][/db]</c>,
/// <c>rediss://</c> for TLS) as in the original guide's <c>REDIS_URL</c>.
/// </summary>
public static class RedisConnectionStrings
{
    /// <summary>Parses <paramref name="value"/> into options that reconnect by themselves.</summary>
    /// <exception cref="FormatException">The value is neither a valid URL nor a configuration string.</exception>
    public static ConfigurationOptions Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ConfigurationOptions options;
        if (value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new FormatException("The Redis URL is not valid; expected redis://[user:password@]host[:port][/db].");
            }

            options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    options.Password = Uri.UnescapeDataString(uri.UserInfo);
                }
                else
                {
                    var user = Uri.UnescapeDataString(uri.UserInfo[..colon]);
                    options.User = user.Length == 0 ? null : user;
                    options.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
                }
            }

            var path = uri.AbsolutePath.Trim('/');
            if (path.Length > 0)
            {
                if (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out var db))
                {
                    throw new FormatException($"The Redis URL's database '{path}' is not a number.");
                }

                options.DefaultDatabase = db;
            }
        }
        else
        {
            try
            {
                options = ConfigurationOptions.Parse(value);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"The Redis configuration string is not valid: {ex.Message}", ex);
            }
        }

        // Start even while Redis is down and reconnect in the background: the breaker and the
        // fallbacks decide what to do meanwhile, not a failed start-up.
        options.AbortOnConnectFail = false;
        options.ConnectRetry = Math.Max(options.ConnectRetry, 3);

        // While disconnected, fail at once instead of queueing: a move must be answered
        // "unavailable" (or go to the fallback store) now, not after a 5 s timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }
}
