using System.ComponentModel.DataAnnotations;

namespace Hokm.Data.Stats;

/// <summary>Statistics, ratings and leaderboards (section <c>HokmData:Stats</c>).</summary>
public sealed class StatsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HokmData:Stats";

    /// <summary>The Elo K factor: the most a game can move a rating. Default 32.</summary>
    [Range(1, 400)]
    public double KFactor { get; set; } = 32;

    /// <summary>How long a cached leaderboard lives in Redis before it is rebuilt from PostgreSQL (the guide's <c>cache_ttl</c>). Default 300 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Largest <c>limit</c> a leaderboard read accepts. Default 1000.</summary>
    [Range(1, 100_000)]
    public int MaxLimit { get; set; } = 1000;
}
