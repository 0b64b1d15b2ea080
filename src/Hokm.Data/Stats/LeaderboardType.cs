namespace Hokm.Data.Stats;

/// <summary>The leaderboards.</summary>
public enum LeaderboardType
{
    /// <summary>All rated players by rating.</summary>
    Global,

    /// <summary>Wins in the current ISO week (UTC, from Monday 00:00).</summary>
    Weekly,

    /// <summary>Wins in the current calendar month (UTC).</summary>
    Monthly,
}
