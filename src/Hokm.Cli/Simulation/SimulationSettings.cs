using Hokm.Game.Bots;

namespace Hokm.Cli.Simulation;

/// <summary>What <c>hokm simulate</c> was asked to do.</summary>
internal sealed record SimulationSettings(int Games, string Seed, string OutputPath, BotLineup Bots, int TargetScore);
