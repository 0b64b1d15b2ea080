using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hokm.Data.Persistence.Model;

/// <summary>
/// Lets <c>dotnet ef migrations add X --project src/Hokm.Data --context SqliteHokmDbContext</c>
/// build the SQLite model without a host.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHokmDbContext>
{
    public SqliteHokmDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteHokmDbContext>()
            .UseSqlite("Data Source=hokm-design.db")
            .Options;
        return new SqliteHokmDbContext(options);
    }
}
