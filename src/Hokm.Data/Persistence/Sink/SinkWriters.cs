namespace Hokm.Data.Persistence.Sink;

/// <summary>The writer of each provider.</summary>
internal static class SinkWriters
{
    private static readonly ISinkWriter Postgres = new PostgresSinkWriter();
    private static readonly ISinkWriter Sqlite = new SqliteSinkWriter();

    public static ISinkWriter For(PersistenceProvider provider) =>
        provider == PersistenceProvider.PostgreSql ? Postgres : Sqlite;
}
