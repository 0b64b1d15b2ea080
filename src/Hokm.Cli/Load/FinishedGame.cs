namespace Hokm.Cli.Load;

/// <summary>A game that reached <c>game_over</c>, with what its clients saw, to verify after the run.</summary>
internal sealed record FinishedGame(string GameId, IReadOnlyList<ObservedPlay> Plays, IReadOnlyList<string> Conflicts);
