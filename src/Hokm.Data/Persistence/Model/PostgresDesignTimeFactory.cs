using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hokm.Data.Persistence.Model;

/// <summary>
/// Lets <c>dotnet ef migrations add X --project src/Hokm.Data --context PostgresHokmDbContext</c>
/// build the PostgreSQL model without a host. Adding a migration does not connect; commands that do
/// (<c>database update</c>) use <c>DATABASE_URL</c> when it is set.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHokmDbContext>
{
    public PostgresHokmDbContext CreateDbContext(string[] args)
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL");
        var connectionString = string.IsNullOrWhiteSpace(url)
            ? "Host=localhost;Database=hokm;Username=hokm"
            : PostgresConnectionStrings.Parse(url);
        var options = new DbContextOptionsBuilder<PostgresHokmDbContext>()
            .UseNpgsql(connectionString)
            .Options;
        return new PostgresHokmDbContext(options);
    }
}
