namespace Hokm.Cli.Load;

/// <summary>Every number of a run, as written by <c>--json</c>. Times in milliseconds unless named otherwise.</summary>
internal sealed record LoadReport
{
    public required string Url { get; init; }

    public required int Games { get; init; }

    public required int ThinkMs { get; init; }

    public required double DurationSeconds { get; init; }

    public required double RampSeconds { get; init; }

    public required double Chaos { get; init; }

    public required int TargetScore { get; init; }

    public required int ProcessorCount { get; init; }

    public required double ElapsedSeconds { get; init; }

    public required long SocketsPeak { get; init; }

    public required Percentiles ConnectMs { get; init; }

    public required Percentiles MoveRoundTripMs { get; init; }

    public required long Moves { get; init; }

    public required double MovesPerSecond { get; init; }

    public required double PeakMovesPerSecond { get; init; }

    public required long GamesStarted { get; init; }

    public required long GamesFinished { get; init; }

    public required long GamesVerified { get; init; }

    public required long Reconnects { get; init; }

    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    public required IReadOnlyList<string> Failures { get; init; }

    public required ServerSnapshot Server { get; init; }

    public bool Passed => Failures.Count == 0 && Errors.Count == 0;
}
