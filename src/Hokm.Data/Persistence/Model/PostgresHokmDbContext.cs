using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Persistence.Model;

/// <summary>The model on PostgreSQL (Npgsql), with its own migrations in <c>Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresHokmDbContext(DbContextOptions<PostgresHokmDbContext> options) : HokmDbContext(options)
{
    /// <inheritdoc />
    public override PersistenceProvider Provider => PersistenceProvider.PostgreSql;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // jsonb validates the document on the way in and lets reports query inside it.
        modelBuilder.Entity<ActionLogRow>().Property(a => a.Data).HasColumnType("jsonb");

        // Ids are ASCII and only ever compared, never sorted for people: byte order ("C") keeps
        // their B-tree indexes (the sink's idempotency keys) off the database's locale comparisons,
        // which are several times slower on a server initialized with, say, en_US.UTF-8.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(static e => e.GetProperties()))
        {
            if (property.ClrType == typeof(string) && property.Name is "Id" or "GameId" or "PlayerId")
            {
                property.SetCollation("C");
            }
        }
    }
}
