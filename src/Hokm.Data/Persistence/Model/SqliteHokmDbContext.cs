using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Persistence.Model;

/// <summary>The model on embedded SQLite, with its own migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteHokmDbContext(DbContextOptions<SqliteHokmDbContext> options) : HokmDbContext(options)
{
    /// <inheritdoc />
    public override PersistenceProvider Provider => PersistenceProvider.Sqlite;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no timestamp type, and EF Core cannot order or compare DateTimeOffset stored as
        // text there; UTC ticks in an INTEGER column sort, compare and index like PostgreSQL's timestamptz.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

        // Days likewise as an INTEGER day number: a timestamp's day is its ticks / TicksPerDay.
        configurationBuilder.Properties<DateOnly>().HaveConversion<DayNumberConverter>();
    }
}
