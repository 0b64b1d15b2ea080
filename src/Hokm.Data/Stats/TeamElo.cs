namespace Hokm.Data.Stats;

/// <summary>
/// The team rating rule: Elo on team averages. A team's rating is the mean of its rated (human)
/// players' ratings, or <see cref="Persistence.Model.PersistenceDefaults.InitialRating"/> when it has
/// none (two bots). Every human of a team moves by the same amount, <c>K × (S − E)</c>, where
/// <c>S</c> is 1 for the winners and 0 for the losers and <c>E = 1 / (1 + 10^((R_other − R_own) / 400))</c>.
/// Bots are never rated.
/// </summary>
public static class TeamElo
{
    /// <summary>The expected score of a team rated <paramref name="own"/> against one rated <paramref name="other"/>.</summary>
    public static double Expected(double own, double other) => 1 / (1 + Math.Pow(10, (other - own) / 400));

    /// <summary>A team's rating: the mean of its rated players, or the initial rating when it has none.</summary>
    public static double TeamRating(IEnumerable<double> ratedPlayers)
    {
        ArgumentNullException.ThrowIfNull(ratedPlayers);
        var list = ratedPlayers.ToList();
        return list.Count == 0 ? Persistence.Model.PersistenceDefaults.InitialRating : list.Average();
    }

    /// <summary>The change of every human of a team with rating <paramref name="own"/> after playing <paramref name="other"/>.</summary>
    public static double Delta(double own, double other, bool won, double kFactor) =>
        kFactor * ((won ? 1 : 0) - Expected(own, other));
}
