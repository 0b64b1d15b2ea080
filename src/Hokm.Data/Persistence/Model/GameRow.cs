namespace Hokm.Data.Persistence.Model;

/// <summary>A row of <c>games</c>: one game, from its start (status <c>playing</c>) to its end (status <c>finished</c>).</summary>
public sealed class GameRow
{
    /// <summary>The game's id.</summary>
    public required string Id { get; set; }

    /// <summary>The room the game was played in.</summary>
    public required string RoomCode { get; set; }

    /// <summary>When the game started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the game ended; null while it is being played.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Points that win the game.</summary>
    public int TargetScore { get; set; }

    /// <summary>The winning team, <c>A</c> or <c>B</c>; null while playing.</summary>
    public string? Winner { get; set; }

    /// <summary>Team A's points.</summary>
    public int ScoreA { get; set; }

    /// <summary>Team B's points.</summary>
    public int ScoreB { get; set; }

    /// <summary>The shuffle seed: published only once the game has ended.</summary>
    public string? Seed { get; set; }

    /// <summary>The hash of the seed, published at the start so players can check the seed later.</summary>
    public required string SeedHash { get; set; }

    /// <summary><c>playing</c> or <c>finished</c> (<see cref="GameStatuses"/>).</summary>
    public required string Status { get; set; }
}
