using Hokm.Data.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Data.Persistence;

/// <summary>
/// Hands out contexts of the configured provider as the shared base type, so code that reads or
/// writes through EF Core does not care which database runs. Contexts come from EF Core's pool.
/// </summary>
internal sealed class HokmDbContextFactory(PersistenceConnection connection, IServiceProvider services) : IDbContextFactory<HokmDbContext>
{
    // Resolved on first use: resolving the other provider's factory would configure a context for a database that is not there.
    private readonly Lazy<Func<HokmDbContext>> _create = new(() => connection.Provider == PersistenceProvider.PostgreSql
        ? services.GetRequiredService<IDbContextFactory<PostgresHokmDbContext>>().CreateDbContext
        : services.GetRequiredService<IDbContextFactory<SqliteHokmDbContext>>().CreateDbContext);

    public HokmDbContext CreateDbContext() => _create.Value();
}
