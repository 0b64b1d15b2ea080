namespace Hokm.Game.Rules;

/// <summary>The rule choices of one game. Invalid values cannot be set.</summary>
public sealed record GameOptions
{
    /// <summary>Lowest allowed target score.</summary>
    public const int MinTargetScore = 1;

    /// <summary>Highest allowed (and default) target score.</summary>
    public const int MaxTargetScore = 7;

    private readonly int _targetScore = MaxTargetScore;
    private readonly FirstHakemSelection _firstHakem = FirstHakemSelection.FaceUpDeal;

    /// <summary>The defaults: first to 7 points, first Hakem by the face-up deal.</summary>
    public static GameOptions Default { get; } = new();

    /// <summary>Points that win the game, 1..7 (default 7).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1..7.</exception>
    public int TargetScore
    {
        get => _targetScore;
        init => _targetScore = IsValidTargetScore(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TargetScore), value, $"The target score must be {MinTargetScore}..{MaxTargetScore}.");
    }

    /// <summary>How the first Hakem is found (default: face-up deal).</summary>
    public FirstHakemSelection FirstHakem
    {
        get => _firstHakem;
        init => _firstHakem = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(FirstHakem), value, "Unknown first-Hakem selection.");
    }

    /// <summary>True for 1..7; lets a caller turn bad input into <c>invalid_field</c> without exceptions.</summary>
    public static bool IsValidTargetScore(int targetScore) => targetScore is >= MinTargetScore and <= MaxTargetScore;
}
