namespace Hokm.Data.Persistence;

/// <summary>The database behind the persistent tier.</summary>
public enum PersistenceProvider
{
    /// <summary>An embedded SQLite file: the default when no PostgreSQL server is configured.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    PostgreSql,
}
