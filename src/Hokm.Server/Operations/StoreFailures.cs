using System.Data.Common;
using System.Net.Sockets;
using Hokm.Data.Errors;
using Microsoft.Data.Sqlite;
using Npgsql;
using StackExchange.Redis;

namespace Hokm.Server.Operations;

/// <summary>Tells a store that cannot be reached (try again later: 503) from a bug (500).</summary>
internal static class StoreFailures
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
    private static readonly int[] TransientSqliteCodes = [5, 6, 10, 13, 14];

    /// <summary>True when <paramref name="exception"/>, or one it wraps, says a store is down, overloaded or too slow.</summary>
    public static bool IsStoreFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStoreFailure))
            {
                return true;
            }

            if (IsUnavailable(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which store failed, for logs: redis, postgresql, sqlite or unknown.</summary>
    public static string StoreOf(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case StoreUnavailableException store:
                    return store.Store;
                case NpgsqlException:
                    return "postgresql";
                case SqliteException:
                    return "sqlite";
                case RedisException:
                    return "redis";
            }
        }

        return "unknown";
    }

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        StoreUnavailableException => true,

        // Server-side errors that mean "not now": connection (08…), resources (53…), shutting down (57P01-57P03).
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03",

        // Any other Npgsql error is about the connection itself (refused, reset, timed out).
        NpgsqlException => true,
        SqliteException sqlite => TransientSqliteCodes.Contains(sqlite.SqliteErrorCode),
        RedisConnectionException or RedisTimeoutException => true,
        DbException db => db.IsTransient,
        TimeoutException or SocketException => true,
        _ => false,
    };
}
