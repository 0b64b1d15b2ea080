using System.Data.Common;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Persistence.Games;

namespace Hokm.Data.Stats;

/// <summary>
/// Applies <see cref="TeamElo"/> to the humans of a finished game, inside the completion's own
/// transaction (after its <c>player_stats</c> upserts, which hold the rows' locks on PostgreSQL), so
/// the completion's guard makes the rating change exactly-once too.
/// </summary>
internal static class RatingUpdate
{
    public static async Task ApplyAsync(DbConnection db, DbTransaction transaction, GameCompletion completion, double kFactor, CancellationToken cancellationToken)
    {
        var humans = completion.Game.Players.Where(static p => !p.Bot && p.PlayerId is not null).ToList();
        if (humans.Count == 0)
        {
            return;
        }

        var ratings = new Dictionary<string, double>(StringComparer.Ordinal);
        await using (var read = db.CreateCommand())
        {
            read.Transaction = transaction;
            var names = new List<string>();
            for (var i = 0; i < humans.Count; i++)
            {
                var p = read.CreateParameter();
                p.ParameterName = "@p" + i;
                p.Value = humans[i].PlayerId!;
                read.Parameters.Add(p);
                names.Add("@p" + i);
            }

            read.CommandText = $"SELECT player_id, rating FROM player_stats WHERE player_id IN ({string.Join(", ", names)})";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ratings[reader.GetString(0)] = reader.GetDouble(1);
            }
        }

        double Rating(SeatAssignment p) => ratings.GetValueOrDefault(p.PlayerId!, Persistence.Model.PersistenceDefaults.InitialRating);
        var teamA = TeamElo.TeamRating(humans.Where(static p => p.Team == TeamSide.A).Select(Rating));
        var teamB = TeamElo.TeamRating(humans.Where(static p => p.Team == TeamSide.B).Select(Rating));
        var deltaA = TeamElo.Delta(teamA, teamB, completion.Winner == TeamSide.A, kFactor);
        var deltaB = TeamElo.Delta(teamB, teamA, completion.Winner == TeamSide.B, kFactor);

        foreach (var player in humans)
        {
            var rating = Rating(player) + (player.Team == TeamSide.A ? deltaA : deltaB);
            await using var write = db.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = "UPDATE player_stats SET rating = @rating WHERE player_id = @id; UPDATE players SET rating = @rating WHERE id = @id";
            var id = write.CreateParameter();
            id.ParameterName = "@id";
            id.Value = player.PlayerId!;
            var value = write.CreateParameter();
            value.ParameterName = "@rating";
            value.Value = rating;
            write.Parameters.Add(id);
            write.Parameters.Add(value);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
