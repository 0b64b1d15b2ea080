using Hokm.Data.Persistence.Model;
using Microsoft.EntityFrameworkCore;

namespace Hokm.Data.Persistence.Games;

/// <summary>
/// Read side of the persistent games: one game's row, its seats and its moves in sequence order —
/// what a host needs to rebuild a game record by replaying the moves. Works on PostgreSQL and SQLite.
/// </summary>
/// <param name="contexts">The persistent tier's context factory (registered by <c>AddHokmData</c>).</param>
public sealed class GameHistoryReader(IDbContextFactory<HokmDbContext> contexts)
{
    /// <summary>The game with its seats (by seat) and moves (by sequence), or null when there is no such game.</summary>
    public async Task<GameHistory?> GetAsync(string gameId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(gameId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var game = await db.Games.AsNoTracking().SingleOrDefaultAsync(g => g.Id == gameId, cancellationToken);
        if (game is null)
        {
            return null;
        }

        var players = await db.GamePlayers.AsNoTracking().Where(p => p.GameId == gameId).OrderBy(p => p.Seat).ToListAsync(cancellationToken);
        var moves = await db.Moves.AsNoTracking().Where(m => m.GameId == gameId).OrderBy(m => m.Seq).ToListAsync(cancellationToken);
        return new GameHistory(game, players, moves);
    }

    /// <summary>One game as stored.</summary>
    /// <param name="Game">The <c>games</c> row.</param>
    /// <param name="Players">Its <c>game_players</c> rows, by seat.</param>
    /// <param name="Moves">Its <c>moves</c> rows, by sequence number.</param>
    public sealed record GameHistory(GameRow Game, IReadOnlyList<GamePlayerRow> Players, IReadOnlyList<MoveRow> Moves);
}
