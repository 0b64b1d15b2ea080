namespace Hokm.Cli.Load;

/// <summary>A once-a-second view of a running load, for the live display.</summary>
internal sealed record LoadProgress(
    string Phase,
    TimeSpan Elapsed,
    int TablesStarted,
    long SocketsOpen,
    long GamesStarted,
    long GamesFinished,
    long Moves,
    double MovesPerSecond,
    double MoveP99Ms,
    long Errors,
    long Reconnects,
    int Verified);
