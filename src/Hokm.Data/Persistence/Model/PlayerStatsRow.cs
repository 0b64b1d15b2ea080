namespace Hokm.Data.Persistence.Model;

/// <summary>A row of <c>player_stats</c>: running totals of one human player, updated by each game completion.</summary>
public sealed class PlayerStatsRow
{
    /// <summary>The player.</summary>
    public required string PlayerId { get; set; }

    /// <summary>Games finished.</summary>
    public int Games { get; set; }

    /// <summary>Games won.</summary>
    public int Wins { get; set; }

    /// <summary>Hands played.</summary>
    public int Hands { get; set; }

    /// <summary>Tricks taken by the player's team in those hands.</summary>
    public int Tricks { get; set; }

    /// <summary>Hands the player's team won by a Kot (a 7–0 sweep), Hakem Kot included.</summary>
    public int Kots { get; set; }

    /// <summary>Hands the player's team lost by a Kot.</summary>
    public int KotsSuffered { get; set; }

    /// <summary>Hands in which the player was Hakem.</summary>
    public int HakemHands { get; set; }

    /// <summary>Hands in which the player was Hakem and their team won.</summary>
    public int HakemWins { get; set; }

    /// <summary>The rating at the last update.</summary>
    public double Rating { get; set; } = PersistenceDefaults.InitialRating;

    /// <summary>When the row last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
