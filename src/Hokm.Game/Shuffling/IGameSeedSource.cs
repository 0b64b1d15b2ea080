namespace Hokm.Game.Shuffling;

/// <summary>Where a new game's seed comes from: injected, so tests and simulations can fix it.</summary>
public interface IGameSeedSource
{
    /// <summary>A seed for a new game.</summary>
    string NextSeed();
}
