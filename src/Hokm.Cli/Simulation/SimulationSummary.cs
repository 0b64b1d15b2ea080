namespace Hokm.Cli.Simulation;

/// <summary>What a simulation run produced.</summary>
internal sealed record SimulationSummary(int Games, long Hands, TimeSpan Elapsed)
{
    public double GamesPerSecond => Elapsed.TotalSeconds > 0 ? Games / Elapsed.TotalSeconds : 0;
}
