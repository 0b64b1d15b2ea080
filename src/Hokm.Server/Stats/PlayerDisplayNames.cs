using Hokm.Data.Persistence.Model;
using Microsoft.EntityFrameworkCore;

namespace Hokm.Server.Stats;

/// <summary>Display names of the players on a leaderboard page, for clients that show names rather than ids.</summary>
internal static class PlayerDisplayNames
{
    /// <summary>Id → display name of the given players, in one query; ids without a player are left out.</summary>
    public static async Task<Dictionary<string, string>> LoadAsync(
        IDbContextFactory<HokmDbContext> contexts, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Players.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken);
        return rows.ToDictionary(static r => r.Id, static r => r.DisplayName, StringComparer.Ordinal);
    }
}
